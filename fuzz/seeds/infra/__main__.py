import pulumi_aws as aws

db = aws.rds.Instance("app",
    engine="postgres",
    engine_version="15.5",  # pinned
    instance_class="db.t4g.micro",
    parameter_group_name="default.postgres15",
)
cluster = aws.rds.Cluster("analytics", engine="aurora-postgresql", engine_version='16.1')
