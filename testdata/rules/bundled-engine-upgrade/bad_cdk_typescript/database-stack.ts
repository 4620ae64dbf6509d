// expect: bundled-engine-upgrade 7:86
import * as rds from 'aws-cdk-lib/aws-rds';

export function database(scope: Construct, vpc: ec2.IVpc) {
  // was rds.PostgresEngineVersion.VER_15_8
  return new rds.DatabaseInstance(scope, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
    vpc,
  });
}
