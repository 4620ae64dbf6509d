import * as rds from 'aws-cdk-lib/aws-rds';

const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_2 });
new rds.DatabaseCluster(stack, 'Cluster', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of('15.4', '15') }),
  /* a comment with engine_version = "9.6" */ writer: rds.ClusterInstance.provisioned('writer'),
});
