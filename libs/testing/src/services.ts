/** Every deployable of CashierAI, its local port and its database. The one place these are listed. */
export const GRPC_SERVICES = {
  auth: { port: 50051, database: 'cashier_auth', grpcService: 'cashier.auth.v1.AuthService' },
  'user-team': { port: 50052, database: 'cashier_user_team', grpcService: 'cashier.userteam.v1.UserTeamService' },
  transactions: { port: 50053, database: 'cashier_transactions', grpcService: 'cashier.transactions.v1.TransactionsService' },
  reports: { port: 50054, database: 'cashier_reports', grpcService: 'cashier.reports.v1.ReportsService' },
  'ai-engine': { port: 50055, database: 'cashier_ai_engine', grpcService: 'cashier.ai.v1.AiService' },
  billing: { port: 50056, database: 'cashier_billing', grpcService: 'cashier.billing.v1.BillingService' },
  notification: { port: 50057, database: 'cashier_notification', grpcService: 'cashier.notification.v1.NotificationService' },
} as const;

export type GrpcServiceName = keyof typeof GRPC_SERVICES;
export const GRPC_SERVICE_NAMES = Object.keys(GRPC_SERVICES) as GrpcServiceName[];
export const GATEWAY_PORT = 8080;
export type ServiceName = GrpcServiceName | 'gateway';
