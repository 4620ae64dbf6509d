resource "aws_db_instance" "legacy" {
  engine         = "mysql"
  engine_version = "8.0.36"
}
resource "aws_db_parameter_group" "legacy" {
  family = "mysql8.0"
}
resource "aws_rds_cluster" "reports" {
  engine         = "aurora-mysql"
  engine_version = "8.0.mysql_aurora.3.05.2"
}
