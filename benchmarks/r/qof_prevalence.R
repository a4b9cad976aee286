# QOF register prevalence (data pack DP 5.2-5.19, DP 3.3, 3.4) from the raw canonical CSV files, written as an
# NHS analyst would write it in R with data.table: the yardstick `phm bench-r` holds OpenPHM's ingest and build
# of the same family against (issue 17: ours should be at least 10x faster), and a second, independent
# computation its cells are checked against cell for cell.
#
# What it computes, for every complete financial year the files support (at most the last seven):
#   - the registered population at 31 March (QOF's count date): alive, registered at a practice on the day, the
#     latest-starting registration winning where two overlap; age from the birth month (the birthday counts from
#     the 1st of the month);
#   - for each register, the people on it that day (diagnosed on or before it, not resolved by it) within the
#     register's age base, over the registered population of that age base;
#   - one cell per register x year x area x breakdown category: the ICB, Places and neighbourhoods with the
#     headline and every breakdown (sex, 2013 ESP five-year age band, broad ethnic group, IMD quintile), PCNs and
#     practices with the headline only; a cell exists where its denominator is positive;
#   - the crude prevalence (%) with 95% Wilson score limits, as PHEindicatormethods' phe_proportion computes them
#     (the package itself is not on Debian, so its formula is written out below).
#
# Run:  Rscript qof_prevalence.R RAW_DIR LOOKUP_DIR OUT_CSV
#   RAW_DIR     the canonical files (patient.csv, registration.csv, practice.csv, lsoa.csv, condition.csv), as
#               `phm generate --out RAW_DIR` writes them; the person key is nhs_number or person_id
#   LOOKUP_DIR  registers.csv (register, indicator_id, min_age) and ethnic_groups.csv (ethnicity, ethnic_group):
#               the model's definitions, which `phm bench-r` writes, so both sides count the same things
#   OUT_CSV     one row per cell: indicator_id, area_code, area_type, period, breakdown, category, numerator,
#               denominator, value, lower95, upper95
# Needs r-base-core and r-cran-data.table (Debian: apt-get install r-base-core r-cran-data.table).

suppressPackageStartupMessages(library(data.table))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) {
  stop("usage: Rscript qof_prevalence.R RAW_DIR LOOKUP_DIR OUT_CSV")
}
raw_dir <- args[1]
lookup_dir <- args[2]
out_csv <- args[3]

# data.table's own default of threads (half the cores) is kept: on a 2-core machine with anything else running,
# two OpenMP threads made the counting ten times slower, not faster.

# fread detects the types itself: ISO dates become IDate, and a 10-digit NHS number an integer64, read as a
# double here (exact below 2^53) because bit64 is not on Debian and because R would intern a million distinct
# strings, which costs more than everything else this script does. A pseudonymous person_id stays a string.
# Codes are named as character so that a column of only "F"s, say, is not taken for logical.
read_raw <- function(table, columns, codes = character()) {
  dt <- fread(file.path(raw_dir, paste0(table, ".csv")), select = columns, na.strings = c("", "NA"),
              integer64 = "double", colClasses = list(character = codes))
  if ("nhs_number" %in% names(dt)) setnames(dt, "nhs_number", "person_id")
  dt
}
person <- function(columns) {
  header <- names(fread(file.path(raw_dir, "patient.csv"), nrows = 0L, integer64 = "double"))
  c(if ("nhs_number" %in% header) "nhs_number" else "person_id", columns)
}

registers <- fread(file.path(lookup_dir, "registers.csv"), colClasses = c(min_age = "integer"))
ethnic_groups <- fread(file.path(lookup_dir, "ethnic_groups.csv"), na.strings = NULL)

patient <- read_raw("patient", person(c("sex", "birth_month", "ethnicity", "lsoa", "death_date")),
                    codes = c("sex", "birth_month", "ethnicity", "lsoa"))
registration <- read_raw("registration", person(c("practice_code", "start_date", "end_date")),
                         codes = "practice_code")
geography <- c("practice_code", "pcn_code", "neighbourhood_code", "place_code", "icb_code")
practice <- read_raw("practice", geography, codes = geography)
lsoa <- read_raw("lsoa", c("lsoa_code", "imd_quintile"), codes = c("lsoa_code", "imd_quintile"))
condition <- read_raw("condition", person(c("condition", "diagnosis_date", "resolved_date")), codes = "condition")

patient[, `:=`(death_date = as.IDate(death_date),
               birth_year = as.integer(substr(birth_month, 1, 4)),
               birth_mon = as.integer(substr(birth_month, 6, 7)))]
registration[, `:=`(start_date = as.IDate(start_date), end_date = as.IDate(end_date))]
condition <- condition[condition %in% registers$register]
condition[, `:=`(diagnosis_date = as.IDate(diagnosis_date), resolved_date = as.IDate(resolved_date))]

# The person's fixed attributes, broken down as the data pack does; a missing value is its own category.
patient[ethnic_groups, on = "ethnicity", ethnic_group := i.ethnic_group]
patient[is.na(ethnic_group), ethnic_group := "Not stated"]
patient[lsoa, on = c(lsoa = "lsoa_code"), imd_quintile := i.imd_quintile]
patient[is.na(imd_quintile), imd_quintile := "Unknown"]
patient[is.na(sex), sex := "Unknown"]

# Complete financial years only: from the year of the first registration to the last year that has ended by the
# latest date in the files, at most seven.
fy_start <- function(d) year(d) - (month(d) < 4L)
last_date <- max(max(registration$start_date, na.rm = TRUE), max(condition$diagnosis_date, na.rm = TRUE))
latest <- fy_start(last_date)
if (as.IDate(sprintf("%d-03-31", latest + 1L)) > last_date) latest <- latest - 1L
earliest <- max(fy_start(min(registration$start_date, na.rm = TRUE)), latest - 6L)

band_labels <- c(paste0(seq(0L, 85L, 5L), "-", seq(4L, 89L, 5L)), "90+")
esp_band <- function(age) band_labels[pmin(age %/% 5L, 18L) + 1L]

fine_keys <- c("practice_code", "sex", "ethnic_group", "imd_quintile", "age_band")

# Numerator and denominator of every register at the fine grain (practice x breakdowns x age band) on a date.
count_year <- function(start_year) {
  ref <- as.IDate(sprintf("%d-03-31", start_year + 1L))
  period <- sprintf("%d/%02d", start_year, (start_year + 1L) %% 100L)

  on_list <- registration[start_date <= ref & (is.na(end_date) | end_date >= ref)]
  setorder(on_list, person_id, -start_date, practice_code)
  on_list <- unique(on_list, by = "person_id")

  people <- patient[on_list[, .(person_id, practice_code)], on = "person_id", nomatch = NULL]
  people <- people[is.na(death_date) | death_date > ref]
  people[, age := (start_year + 1L) - birth_year - (3L < birth_mon)]
  people <- people[age >= 0L]
  people[, age_band := esp_band(age)]

  # denominators: the population of each distinct age base (from one count by single year of age), then given
  # to every register with that base
  by_age <- people[, .(N = .N), by = c(fine_keys, "age")]
  bases <- unique(registers$min_age)
  den <- rbindlist(lapply(bases, function(m) by_age[age >= m, .(denominator = sum(N)), by = fine_keys][, min_age := m]))
  den <- den[registers[, .(register, indicator_id, min_age)], on = "min_age", allow.cartesian = TRUE, nomatch = NULL]

  on_register <- unique(condition[diagnosis_date <= ref & (is.na(resolved_date) | resolved_date > ref),
                                  .(person_id, register = condition)])
  num <- people[on_register, on = "person_id", nomatch = NULL]
  num <- num[registers, on = "register", nomatch = NULL][age >= min_age, .(numerator = .N), by = c("register", fine_keys)]

  counts <- num[den, on = c("register", fine_keys)]
  counts[is.na(numerator), numerator := 0L]
  counts[, period := period]
  counts[, c("register", "min_age") := NULL]
  counts
}

counts <- rbindlist(lapply(earliest:latest, count_year), use.names = TRUE)
counts <- counts[practice, on = "practice_code", nomatch = NULL]

# Which area levels are broken down, and by what: the ICB, Places and neighbourhoods by every breakdown, cut from
# the counts rolled up to neighbourhoods; PCNs and practices have the headline only (their breakdown cells would
# nearly all be suppressed), cut from the counts rolled up to practices.
breakdowns <- list(SEX = "sex", AGE_BAND = "age_band", ETHNIC_GROUP = "ethnic_group",
                   DEPRIVATION_QUINTILE = "imd_quintile")
sums <- quote(.(numerator = sum(numerator), denominator = sum(denominator)))
by_neighbourhood <- counts[, eval(sums), by = c("indicator_id", "period", "icb_code", "place_code",
                                                "neighbourhood_code", unlist(breakdowns))]
by_practice <- counts[, eval(sums), by = .(indicator_id, period, pcn_code, practice_code)]
area_levels <- list(ICB = "icb_code", Place = "place_code", Neighbourhood = "neighbourhood_code",
               PCN = "pcn_code", Practice = "practice_code")
broken_down <- c("ICB", "Place", "Neighbourhood")

cut <- function(level, breakdown) {
  area <- area_levels[[level]]
  from <- if (level %in% broken_down) by_neighbourhood else by_practice
  by <- c("indicator_id", "period", area, if (breakdown != "NONE") breakdowns[[breakdown]])
  cells <- from[, eval(sums), by = by]
  setnames(cells, area, "area_code")
  if (breakdown == "NONE") {
    cells[, category := NA_character_]
  } else {
    setnames(cells, breakdowns[[breakdown]], "category")
  }
  cells[, `:=`(area_type = level, breakdown = breakdown)]
}

cells <- rbindlist(c(
  lapply(names(area_levels), cut, breakdown = "NONE"),
  unlist(lapply(broken_down, function(l) lapply(names(breakdowns), cut, level = l)), recursive = FALSE)
), use.names = TRUE)
cells <- cells[denominator > 0]

# Crude proportion as a percentage with Wilson score limits, the formula of PHEindicatormethods' phe_proportion
# (its wilson_lower / wilson_upper) at 95% confidence: z = qnorm(0.975),
# limits = (2x + z^2 -/+ z * sqrt(z^2 + 4x(1 - x/n))) / 2 / (n + z^2).
z <- qnorm(0.975)
wilson <- function(x, n, sign) (2 * x + z^2 + sign * z * sqrt(z^2 + 4 * x * (1 - x / n))) / 2 / (n + z^2)
cells[, `:=`(value = numerator / denominator * 100,
             lower95 = wilson(numerator, denominator, -1) * 100,
             upper95 = wilson(numerator, denominator, +1) * 100)]

setcolorder(cells, c("indicator_id", "area_code", "area_type", "period", "breakdown", "category",
                     "numerator", "denominator", "value", "lower95", "upper95"))
setorder(cells, indicator_id, area_type, area_code, breakdown, category, period)
fwrite(cells, out_csv, na = "")
cat(sprintf("Wrote %d QOF prevalence cells for %s to %s\n", nrow(cells),
            paste(sprintf("%d/%02d", earliest:latest, (earliest:latest + 1L) %% 100L), collapse = ", "), out_csv))
