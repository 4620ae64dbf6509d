db_engine_version = "15.4"
db_family         = "postgres15"
