-- First start of the postgres container (empty data volume) only: the same role and
-- databases that infra/local.sh creates on a developer's machine. Keep the two lists equal.
-- Local development only: the password is not a secret.
CREATE ROLE cashier WITH LOGIN CREATEDB PASSWORD 'cashier';

CREATE DATABASE cashier_auth OWNER cashier;
CREATE DATABASE cashier_user_team OWNER cashier;
CREATE DATABASE cashier_transactions OWNER cashier;
CREATE DATABASE cashier_reports OWNER cashier;
CREATE DATABASE cashier_ai_engine OWNER cashier;
CREATE DATABASE cashier_billing OWNER cashier;
CREATE DATABASE cashier_notification OWNER cashier;
