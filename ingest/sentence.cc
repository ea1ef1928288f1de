#include "ingest/sentence.h"
