// libpq, PostgreSQL's C client: connections, queries, COPY FROM STDIN and cancellation.
#include <libpq-fe.h>
