"""Facts of the news domain that every stage imports: the calendar, datelines, outlets, languages, reporting verbs,
sentences."""
