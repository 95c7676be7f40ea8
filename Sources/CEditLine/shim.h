// libedit's readline-compatible API; <stdio.h> first because readline.h uses FILE.
#include <stdio.h>
#include <editline/readline.h>
