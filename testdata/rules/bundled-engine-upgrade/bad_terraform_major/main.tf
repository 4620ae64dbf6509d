# The pull request upgrades the instance and its parameter group.
# expect: bundled-engine-upgrade 6:21
# expect: bundled-engine-upgrade 12:13
resource "aws_db_instance" "app" {
  engine         = "postgres"
  engine_version = "16.4" # was "15.8"
  allow_major_version_upgrade = true
  parameter_group_name        = aws_db_parameter_group.pg16.name
}
resource "aws_db_parameter_group" "pg16" {
  name   = "app-pg16"
  family = "postgres16"
}
