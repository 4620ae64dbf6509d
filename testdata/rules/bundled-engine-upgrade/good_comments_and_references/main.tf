# engine_version = "16.4" once the upgrade ships
/* resource "aws_db_instance" "next" {
  engine         = "postgres"
  engine_version = "17.2"
} */
resource "aws_db_instance" "app" {
  engine         = "postgres"
  engine_version = var.postgres_version // "16.4" in prod.tfvars
  tags = {
    note = "engine_version = \"16.4\" is planned"
  }
  user_data = <<EOT
engine_version = "16.4"
EOT
}
