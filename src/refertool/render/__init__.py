"""Writers: Rich tables and cards for people, TSV/CSV/JSON for scripts, HSDS for systems."""
