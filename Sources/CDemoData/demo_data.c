// The demo dataset and its lesson (English and Indonesian), embedded so an installed `siklus` (one file copied anywhere) still
// finds them: `#embed` (C23, clang 19+) reads the checked-in files at build time, so there is no second
// copy to keep in sync.
#include "demo_data.h"

#if defined(__has_embed)
#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char customers[] = {
#embed "../../datasets/demo/customers.csv"
};
static const unsigned char events[] = {
#embed "../../datasets/demo/events.csv"
};
static const unsigned char spend[] = {
#embed "../../datasets/demo/spend.csv"
};
static const unsigned char tour[] = {
#embed "../../datasets/demo/tour.sik"
};
static const unsigned char tour_id[] = {
#embed "../../datasets/demo/tour.id.sik"
};
static const unsigned char readme[] = {
#embed "../../datasets/demo/README.md"
};

static const struct {
    const char *name;
    const unsigned char *bytes;
    size_t size;
} files[] = {
    {"customers.csv", customers, sizeof customers},
    {"events.csv", events, sizeof events},
    {"spend.csv", spend, sizeof spend},
    {"tour.sik", tour, sizeof tour},
    {"tour.id.sik", tour_id, sizeof tour_id},
    {"README.md", readme, sizeof readme},
};
static const size_t count = sizeof files / sizeof files[0];
#else
static const struct {
    const char *name;
    const unsigned char *bytes;
    size_t size;
} files[1] = {{"", 0, 0}};
static const size_t count = 0;
#endif

size_t siklus_demo_file_count(void) { return count; }

const char *siklus_demo_file_name(size_t index) { return index < count ? files[index].name : ""; }

const unsigned char *siklus_demo_file_bytes(size_t index, size_t *size) {
    *size = index < count ? files[index].size : 0;
    return index < count ? files[index].bytes : 0;
}
