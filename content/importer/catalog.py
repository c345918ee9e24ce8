"""The catalog of canonical AWS services the importer classifies notes into.

This is data the project ships. `catalog_sync()` creates the services that are missing and
never overwrites one an administrator has edited. Each entry:
(name, slug, short name, category, exam domains, aliases, keywords).

- aliases: other names and acronyms. An all-capital alias ("SQS", "EB") matches
  case-sensitively as a whole word; anything else matches case-insensitively.
- keywords: distinctive terms that point to the service without naming it ("buildspec").
"""

from content.models import Category as C

CATALOG = [
    # Compute and serverless
    ("AWS Lambda", "lambda", "Lambda", C.COMPUTE, [1], ["AWS Lambda", "Lambda function", "Lambda functions"],
     ["$LATEST", "event source mapping", "reserved concurrency", "provisioned concurrency", "Lambda layer", "Lambda layers", "/tmp"]),
    ("Amazon API Gateway", "api-gateway", "API Gateway", C.COMPUTE, [1], ["APIGW", "API GW", "API Gateway", "APIGateway"],
     ["INTEGRATION_TIMEOUT", "INTEGRATION_FAILURE", "usage plan", "usage plans", "AWS_PROXY", "HTTP_PROXY", "stage variables", "Lambda authorizer", "$connect", "execute-api"]),
    ("AWS Step Functions", "step-functions", "Step Functions", C.INTEGRATION, [1], ["StepFunctions", "Step Function", "SFN"],
     ["state machine", "state machines", "Amazon States Language", "Express Workflows", "Standard Workflows", "States.ALL", "Task state", "Choice state"]),
    ("Amazon EventBridge", "eventbridge", "EventBridge", C.INTEGRATION, [1], ["Event Bridge", "CloudWatch Events"],
     ["event bus", "event buses", "event pattern", "EventBridge Scheduler", "EventBridge Pipes"]),
    ("AWS Serverless Application Model (AWS SAM)", "sam", "SAM", C.DEVTOOLS, [3], ["SAM", "AWS SAM", "Serverless Application Model"],
     ["sam build", "sam deploy", "sam local", "sam package", "AWS::Serverless", "AWS::Serverless::Function", "Transform: AWS::Serverless"]),
    ("AWS Serverless Application Repository", "serverless-application-repository", "SAR", C.DEVTOOLS, [3],
     ["SAR", "Serverless Application Repository", "Serverless Application RRepository"], []),
    ("AWS AppSync", "appsync", "AppSync", C.FRONTEND, [1], ["App Sync", "AppSync"], ["GraphQL", "resolvers"]),
    ("AWS Amplify", "amplify", "Amplify", C.FRONTEND, [3], ["Amplify", "Amplify Hosting", "Amplify DataStore", "Amplify Datastore"], []),
    ("Amazon EC2", "ec2", "EC2", C.COMPUTE, [1], ["EC2", "Elastic Compute Cloud", "EC2 instance", "EC2 instances"],
     ["instance metadata", "IMDSv2", "user data", "AMI", "AMIs", "instance profile", "Spot Instances", "Reserved Instances", "On-Demand Instances", "instance store"]),
    ("Amazon EC2 Auto Scaling", "ec2-auto-scaling", "EC2 Auto Scaling", C.COMPUTE, [4],
     ["ASG", "ASGs", "Auto Scaling group", "Auto Scaling groups", "Auto Scaling", "EC2 Auto Scaling", "Autoscaling"],
     ["launch template", "launch configuration", "desired capacity", "scaling policy", "target tracking", "step scaling", "cooldown"]),
    ("Elastic Load Balancing", "elb", "ELB", C.NETWORKING, [1, 4],
     ["ELB", "ALB", "NLB", "GLB", "GWLB", "CLB", "Elastic Load Balancer", "Elastic Load Balancing", "Application Load Balancer", "Network Load Balancer",
      "Classic Load Balancer", "Gateway Load Balancer", "load balancer", "load balancers", "Application Load balancing"],
     ["target group", "target groups", "listener rule", "listener rules", "cross-zone load balancing", "connection draining", "deregistration delay", "sticky sessions", "X-Forwarded-For"]),
    ("AWS Elastic Beanstalk", "elastic-beanstalk", "Elastic Beanstalk", C.COMPUTE, [3],
     ["EB", "Elastic BeanStalk", "Beanstalk"],
     [".ebextensions", "eb deploy", "eb create", "All at once", "Rolling with additional batch", "Immutable deployment", "traffic splitting", "worker environment", "cron.yaml", "env.yaml", "Procfile"]),
    ("Amazon Elastic Container Service (Amazon ECS)", "ecs", "ECS", C.CONTAINERS, [1, 3],
     ["ECS", "Elastic Container Service", "EC2 Container Service"],
     ["task definition", "task definitions", "ECS task", "task placement", "placement strategy", "placement strategies", "binpack", "ecsTaskExecutionRole", "ECS agent", "ECS_CLUSTER", "container instance"]),
    ("AWS Fargate", "fargate", "Fargate", C.CONTAINERS, [1], ["Fargate"], []),
    ("Amazon Elastic Container Registry (Amazon ECR)", "ecr", "ECR", C.CONTAINERS, [3],
     ["ECR", "Elastic Container Registry"], ["get-login-password", "docker push", "image repository"]),
    ("Amazon Elastic Kubernetes Service (Amazon EKS)", "eks", "EKS", C.CONTAINERS, [1], ["EKS", "Elastic Kubernetes Service", "Kubernetes"], ["kubectl", "pods"]),
    ("AWS Copilot", "copilot", "Copilot", C.CONTAINERS, [3], ["AWS Copilot", "Copilot CLI"], []),
    # Storage
    ("Amazon S3", "s3", "S3", C.STORAGE, [1],
     ["S3", "Simple Storage Service", "S3 bucket", "S3 buckets", "Amazon S3"],
     ["bucket policy", "bucket policies", "presigned URL", "pre-signed URL", "multipart upload", "S3 Transfer Acceleration", "S3 Select", "Glacier", "Standard-IA", "One Zone-IA",
      "Intelligent-Tiering", "lifecycle rules", "lifecycle policy", "object lock", "x-amz-server-side-encryption", "SSE-S3", "SSE-C", "s3:GetObject", "s3:PutObject"]),
    ("Amazon EBS", "ebs", "EBS", C.STORAGE, [1],
     ["EBS", "Elastic Block Store", "EBS volume", "EBS volumes"],
     ["gp2", "gp3", "io1", "io2", "st1", "sc1", "IOPS", "Block Express"]),
    ("Amazon EFS", "efs", "EFS", C.STORAGE, [1], ["EFS", "Elastic File System"], ["NFS", "mount target", "mount targets"]),
    ("Amazon FSx", "fsx", "FSx", C.STORAGE, [1], ["FSx", "FSx for Lustre", "FSx for Windows"], ["Lustre", "Windows File Server"]),
    # Databases
    ("Amazon DynamoDB", "dynamodb", "DynamoDB", C.DATABASE, [1],
     ["DynamoDB", "DDB", "Dynamo DB", "Amazon DynamoDB"],
     ["RCU", "RCUs", "WCU", "WCUs", "GSI", "GSIs", "LSI", "LSIs", "Global Secondary Index", "Local Secondary Index", "partition key", "sort key", "PutItem", "GetItem", "UpdateItem",
      "DeleteItem", "BatchWriteItem", "BatchGetItem", "TransactWriteItems", "Query API", "Scan API", "ProvisionedThroughputExceededException", "ConditionExpression",
      "ProjectionExpression", "Global Tables", "DynamoDB Streams", "read capacity units", "write capacity units"]),
    ("Amazon DynamoDB Accelerator (DAX)", "dax", "DAX", C.DATABASE, [1, 4], ["DAX", "DynamoDB Accelerator"], []),
    ("Amazon RDS", "rds", "RDS", C.DATABASE, [1], ["RDS", "Relational Database Service", "Amazon RDS"],
     ["Multi-AZ", "read replica", "read replicas", "RDS Proxy", "TDE", "automated backups", "DB instance", "DB snapshot"]),
    ("Amazon Aurora", "aurora", "Aurora", C.DATABASE, [1], ["Aurora", "Aurora Serverless"], ["Aurora Replicas", "cluster endpoint", "reader endpoint"]),
    ("Amazon ElastiCache", "elasticache", "ElastiCache", C.DATABASE, [1, 4],
     ["ElastiCache", "Elasticache", "Elastic Cache", "Redis", "Memcached"],
     ["lazy loading", "write-through", "write through", "cache hit", "cache miss", "cluster mode"]),
    ("Amazon MemoryDB for Redis", "memorydb", "MemoryDB", C.DATABASE, [1], ["MemoryDB", "MemoryDB for Redis"], []),
    ("AWS Database Migration Service", "dms", "DMS", C.DATABASE, [1], ["DMS", "Database Migration Service", "Schema Conversion Tool"], ["SCT"]),
    # Messaging and streaming
    ("Amazon SQS", "sqs", "SQS", C.INTEGRATION, [1],
     ["SQS", "Simple Queue Service", "SQS queue", "SQS queues", "Amazon SQS"],
     ["visibility timeout", "VisibilityTimeout", "ChangeMessageVisibility", "ReceiveMessage", "ReceiveMessageWaitTimeSeconds", "long polling", "short polling", "DelaySeconds",
      "MessageGroupId", "MessageDeduplicationId", "maxReceiveCount", "dead-letter queue", "dead letter queue", "DLQ", "FIFO queue", "FIFO queues", "standard queue", "SQS Extended Client"]),
    ("Amazon SNS", "sns", "SNS", C.INTEGRATION, [1],
     ["SNS", "Simple Notification Service", "SNS topic", "SNS topics", "Amazon SNS"],
     ["fan-out", "fanout", "subscription filter policy", "filter policy", "subscribers", "push notifications"]),
    ("Amazon Kinesis Data Streams", "kinesis-data-streams", "Kinesis Data Streams", C.ANALYTICS, [1],
     ["Kinesis Data Streams", "Kinesis Data Stream", "Kinesis DataStream", "Kinesis Streams", "KDS", "Kinesis", "Amazon Kinesis"],
     ["shard", "shards", "PutRecord", "PutRecords", "GetRecords", "KCL", "Kinesis Client Library", "KPL", "ProvisionedThroughputExceeded", "Kinesis Adapter", "enhanced fan-out"]),
    ("Amazon Data Firehose", "data-firehose", "Data Firehose", C.ANALYTICS, [1],
     ["Data Firehose", "Kinesis Data Firehose", "Kinesis Firehose", "Firehose", "KDF"], ["delivery stream", "delivery streams"]),
    ("Amazon Managed Service for Apache Flink", "managed-flink", "Managed Service for Apache Flink", C.ANALYTICS, [1],
     ["Kinesis Data Analytics", "KDA", "Managed Service for Apache Flink", "Apache Flink"], []),
    # Analytics
    ("Amazon Athena", "athena", "Athena", C.ANALYTICS, [1], ["Athena"], ["Presto"]),
    ("AWS Glue", "glue", "Glue", C.ANALYTICS, [1], ["AWS Glue", "Glue Data Catalog", "Glue crawler"], []),
    ("Amazon OpenSearch Service", "opensearch", "OpenSearch", C.ANALYTICS, [1], ["OpenSearch", "Elasticsearch", "Elasticsearch Service"], ["Kibana", "OpenSearch Dashboards"]),
    # Networking and content delivery
    ("Amazon VPC", "vpc", "VPC", C.NETWORKING, [1],
     ["VPC", "VPCs", "Virtual Private Cloud"],
     ["subnet", "subnets", "NACL", "NACLs", "network ACL", "security group", "security groups", "NAT gateway", "NAT Gateway", "internet gateway", "route table", "route tables",
      "VPC endpoint", "VPC endpoints", "PrivateLink", "VPC Flow Logs", "VPC peering", "CIDR", "bastion host", "ENI", "Elastic IP"]),
    ("AWS Direct Connect", "direct-connect", "Direct Connect", C.NETWORKING, [1], ["Direct Connect", "DX"], []),
    ("Amazon CloudFront", "cloudfront", "CloudFront", C.NETWORKING, [1, 4],
     ["CloudFront", "Cloudfront", "Cloud Front", "CDN"],
     ["Lambda@Edge", "CloudFront Functions", "origin access identity", "origin access control", "OAI", "OAC", "signed URL", "signed URLs", "signed cookies", "edge location",
      "edge locations", "cache behavior", "cache behaviors", "distribution", "distributions"]),
    ("Amazon Route 53", "route-53", "Route 53", C.NETWORKING, [1],
     ["Route 53", "Route53", "Route 53 DNS"],
     ["hosted zone", "hosted zones", "alias record", "CNAME", "routing policy", "routing policies", "weighted routing", "latency routing", "failover routing", "geolocation routing",
      "geoproximity", "multivalue answer", "health check", "health checks", "DNS"]),
    ("AWS Global Accelerator", "global-accelerator", "Global Accelerator", C.NETWORKING, [1], ["Global Accelerator"], ["anycast"]),
    # Developer tools and infrastructure as code
    ("AWS CodeCommit", "codecommit", "CodeCommit", C.DEVTOOLS, [3], ["CodeCommit", "Code Commit"], ["git repository", "git-remote-codecommit"]),
    ("AWS CodeBuild", "codebuild", "CodeBuild", C.DEVTOOLS, [3], ["CodeBuild", "Code Build"],
     ["buildspec", "buildspec.yml", "BuildSpec.yaml", "buildspec.yaml", "pre_build", "post_build", "build project", "build projects"]),
    ("AWS CodeDeploy", "codedeploy", "CodeDeploy", C.DEVTOOLS, [3], ["CodeDeploy", "Code Deploy"],
     ["appspec", "appspec.yml", "AppSpec", "BeforeAllowTraffic", "AfterAllowTraffic", "BeforeInstall", "AfterInstall", "ApplicationStop", "ApplicationStart", "ValidateService",
      "deployment group", "deployment groups", "CodeDeployDefault", "Canary10Percent5Minutes", "Linear10PercentEvery1Minute", "minimum healthy hosts", "in-place deployment"]),
    ("AWS CodePipeline", "codepipeline", "CodePipeline", C.DEVTOOLS, [3], ["CodePipeline", "Code Pipeline"], ["pipeline stage", "source stage", "manual approval"]),
    ("AWS CodeArtifact", "codeartifact", "CodeArtifact", C.DEVTOOLS, [3], ["CodeArtifact", "Code Artifact"], []),
    ("AWS CodeStar", "codestar", "CodeStar", C.DEVTOOLS, [3], ["CodeStar"], []),
    ("Amazon CodeGuru", "codeguru", "CodeGuru", C.DEVTOOLS, [4], ["CodeGuru", "CodeGuru Reviewer", "CodeGuru Profiler"], []),
    ("AWS Cloud9", "cloud9", "Cloud9", C.DEVTOOLS, [3], ["Cloud9"], []),
    ("AWS CloudFormation", "cloudformation", "CloudFormation", C.DEVTOOLS, [3],
     ["CloudFormation", "CFN", "Cloud Formation", "CloudFormation template", "CloudFormation templates"],
     ["nested stack", "nested stacks", "StackSets", "StackSet", "change set", "change sets", "intrinsic function", "intrinsic functions", "Fn::GetAtt", "Fn::ImportValue", "!Ref",
      "!GetAtt", "!Sub", "DeletionPolicy", "cfn-init", "cfn-signal", "cfn-hup", "pseudo parameters", "AWS::Region", "drift detection", "custom resource"]),
    ("AWS Cloud Development Kit (AWS CDK)", "cdk", "CDK", C.DEVTOOLS, [3], ["CDK", "AWS CDK", "Cloud Development Kit"],
     ["cdk deploy", "cdk synth", "cdk bootstrap", "cdk init", "cdk diff"]),
    ("AWS CLI and SDKs", "cli-sdk", "CLI and SDKs", C.DEVTOOLS, [1],
     ["AWS CLI", "CLI", "AWS SDK", "SDK", "SDKs", "Command Line Interface"],
     ["--page-size", "--max-items", "--dry-run", "--query", "aws configure", "exponential backoff", "credential provider chain", "named profile", "named profiles"]),
    # Security and identity
    ("AWS Identity and Access Management (IAM)", "iam", "IAM", C.SECURITY, [2],
     ["IAM", "Identity and Access Management", "IAM role", "IAM roles", "IAM policy", "IAM policies", "IAM user", "IAM users"],
     ["permissions boundary", "permission boundaries", "iam:PassRole", "PassRole", "trust policy", "identity-based policy", "resource-based policy", "inline policy", "managed policy",
      "explicit deny", "least privilege", "MFA", "access keys", "policy simulator"]),
    ("AWS Security Token Service (AWS STS)", "sts", "STS", C.SECURITY, [2],
     ["STS", "Security Token Service", "Simple Token Service", "AWS Simple Token Service"],
     ["AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML", "GetSessionToken", "GetFederationToken", "GetCallerIdentity", "DecodeAuthorizationMessage",
      "decode-authorization-message", "temporary credentials", "identity broker"]),
    ("AWS IAM Identity Center", "iam-identity-center", "IAM Identity Center", C.SECURITY, [2],
     ["IAM Identity Center", "AWS Single Sign-On", "AWS SSO", "Single Sign-On"], ["permission sets"]),
    ("AWS Organizations", "organizations", "Organizations", C.SECURITY, [2], ["AWS Organizations", "SCP", "SCPs", "service control policy", "service control policies"],
     ["organizational unit", "organizational units", "management account"]),
    ("Amazon Cognito", "cognito", "Cognito", C.SECURITY, [2],
     ["Cognito", "Cognito User Pools", "Cognito user pool", "Cognito Identity Pools", "Cognito identity pool", "Cognito Sync", "AWS Cognito"],
     ["user pool", "user pools", "identity pool", "identity pools", "hosted UI", "federated identities", "ID token", "access token", "refresh token", "unauthenticated identities",
      "USER_PASSWORD_AUTH", "Pre Sign-up", "Post Confirmation"]),
    ("AWS Key Management Service (AWS KMS)", "kms", "KMS", C.SECURITY, [2],
     ["KMS", "Key Management Service", "KMS key", "KMS keys", "CMK", "CMKs"],
     ["envelope encryption", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "data key", "data keys", "key policy", "key policies", "key rotation", "ReEncrypt", "kms:Decrypt",
      "kms:Encrypt", "customer managed key", "customer managed keys", "AWS managed key", "SSE-KMS", "ThrottlingException", "aws/s3"]),
    ("AWS CloudHSM", "cloudhsm", "CloudHSM", C.SECURITY, [2], ["CloudHSM", "Cloud HSM", "HSM"], []),
    ("AWS Secrets Manager", "secrets-manager", "Secrets Manager", C.SECURITY, [2], ["Secrets Manager", "Secret Manager"], ["secret rotation", "rotation Lambda", "GetSecretValue"]),
    ("AWS Systems Manager", "systems-manager", "Systems Manager", C.SECURITY, [2],
     ["Systems Manager", "SSM", "Parameter Store", "SSM Parameter Store", "Systems Manager Parameter Store"],
     ["SecureString", "GetParameter", "GetParameters", "GetParametersByPath", "Session Manager", "Run Command", "Patch Manager", "parameter policies", "ssm-secure"]),
    ("AWS AppConfig", "appconfig", "AppConfig", C.DEVTOOLS, [3], ["AppConfig", "App Config"], ["feature flags", "feature flag", "configuration profile"]),
    ("AWS Certificate Manager (ACM)", "acm", "ACM", C.SECURITY, [2],
     ["ACM", "Certificate Manager", "AWS Certificate Manager", "ACM Private CA", "Private CA"], ["SSL/TLS certificate", "SSL/TLS certificates", "TLS certificate", "TLS certificates"]),
    ("AWS WAF", "waf", "WAF", C.SECURITY, [2], ["WAF", "Web Application Firewall"], ["web ACL", "web ACLs", "rate-based rule", "SQL injection", "cross-site scripting"]),
    ("AWS Shield", "shield", "Shield", C.SECURITY, [2], ["AWS Shield", "Shield Advanced", "Shield Standard"], ["DDoS"]),
    ("AWS Firewall Manager", "firewall-manager", "Firewall Manager", C.SECURITY, [2], ["Firewall Manager"], []),
    ("Amazon Macie", "macie", "Macie", C.SECURITY, [2], ["Macie"], ["PII"]),
    ("Amazon GuardDuty", "guardduty", "GuardDuty", C.SECURITY, [2], ["GuardDuty", "Guard Duty"], []),
    ("Amazon Inspector", "inspector", "Inspector", C.SECURITY, [2], ["Amazon Inspector"], []),
    ("AWS Security Hub", "security-hub", "Security Hub", C.SECURITY, [2], ["Security Hub"], []),
    ("AWS Config", "config", "Config", C.MONITORING, [2, 4], ["AWS Config", "Config rules", "Config rule"], []),
    ("AWS Trusted Advisor", "trusted-advisor", "Trusted Advisor", C.MONITORING, [4], ["Trusted Advisor"], []),
    ("IAM Access Analyzer", "access-analyzer", "Access Analyzer", C.SECURITY, [2], ["IAM Access Analyzer", "Access Analyzer"], []),
    ("AWS Signer", "signer", "Signer", C.SECURITY, [2, 3], ["AWS Signer"], ["code signing"]),
    ("AWS Directory Service", "directory-service", "Directory Service", C.SECURITY, [2],
     ["Directory Service", "Directory Services", "Active Directory", "AWS Managed Microsoft AD", "AD Connector", "Simple AD"], []),
    # Monitoring and management
    ("Amazon CloudWatch", "cloudwatch", "CloudWatch", C.MONITORING, [4],
     ["CloudWatch", "Cloud Watch", "CloudWatch Logs", "CloudWatch Metrics", "CloudWatch Alarms", "CloudWatch agent"],
     ["metric filter", "metric filters", "custom metric", "custom metrics", "PutMetricData", "high-resolution", "detailed monitoring", "composite alarm", "log group",
      "log groups", "log stream", "Logs Insights", "Embedded Metric Format"]),
    ("AWS X-Ray", "x-ray", "X-Ray", C.MONITORING, [4],
     ["X-Ray", "XRay", "AWS X-Ray", "X Ray"],
     ["subsegment", "subsegments", "annotations", "sampling rule", "sampling rules", "tracing", "_X_AMZN_TRACE_ID",
      "AWS_XRAY_DAEMON_ADDRESS", "PutTraceSegments", "X-Ray daemon", "service map"]),
    ("AWS Distro for OpenTelemetry", "adot", "ADOT", C.MONITORING, [4], ["ADOT", "AWS Distro for OpenTelemetry", "OpenTelemetry"], []),
    ("AWS CloudTrail", "cloudtrail", "CloudTrail", C.MONITORING, [2, 4], ["CloudTrail", "Cloud Trail"],
     ["management events", "data events", "Insights events", "Event history"]),
    ("AWS Budgets", "budgets", "Budgets", C.MONITORING, [4], ["AWS Budgets", "Cost Explorer"], []),
    ("Amazon SWF", "swf", "SWF", C.INTEGRATION, [1], ["SWF", "Simple Workflow Service", "Simple Workflow"], ["deciders", "activity worker"]),
]

# A section whose subject is none of the services lands here.
GENERAL_SERVICE = (
    "General AWS concepts",
    "general",
    "General",
    C.GENERAL,
    [],
    [],
    ["exam", "DVA-C02", "Region", "Regions", "Availability Zone", "Availability Zones", "shared responsibility"],
)


# Exam acronyms that are not services, with what they stand for (search expands them).
GLOSSARY = {
    "SSE": "server-side encryption",
    "AMI": "Amazon Machine Image",
    "ARN": "Amazon Resource Name",
    "IOPS": "input/output operations per second",
    "MFA": "multi-factor authentication",
    "ENI": "elastic network interface",
    "NACL": "network access control list",
    "CIDR": "Classless Inter-Domain Routing",
    "RCU": "read capacity unit",
    "WCU": "write capacity unit",
    "TTL": "time to live",
    "OIDC": "OpenID Connect",
    "SAML": "Security Assertion Markup Language",
    "JWT": "JSON Web Token",
    "ACL": "access control list",
    "CORS": "cross-origin resource sharing",
    "IMDS": "instance metadata service",
    "PITR": "point-in-time recovery",
    "ESM": "event source mapping",
    "CMK": "customer managed key",
}

# Short names too common as plain words to identify a service in running text.
AMBIGUOUS_SHORT_NAMES = {"General", "Config", "Glue", "Signer", "Organizations", "Budgets", "Inspector", "Shield", "Copilot"}


def catalog_entries():
    """Every catalog entry as a dict of Service field values; the short name counts as an
    alias unless it is an everyday word."""
    fields = ("name", "slug", "short_name", "category", "domains", "aliases", "keywords")
    entries = []
    for entry in [*CATALOG, GENERAL_SERVICE]:
        values = dict(zip(fields, entry, strict=True))
        if values["short_name"] not in AMBIGUOUS_SHORT_NAMES:
            values["aliases"] = list(dict.fromkeys([values["short_name"], *values["aliases"]]))
        values["category"] = str(values["category"])
        entries.append(values)
    return entries
