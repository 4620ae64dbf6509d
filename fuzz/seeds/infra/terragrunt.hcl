inputs = {
  engine         = "postgres"
  engine_version = "14.10"
  family         = "postgres14"
  tags = { Name = "db-${local.env}" }
}
