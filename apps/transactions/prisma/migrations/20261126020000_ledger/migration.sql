-- The ledger core: accounts, categories, transaction types beyond expense and income,
-- splits, ledger entries (the legs of transactions on accounts), the per-team change log.
-- The new transaction_type values are only added here: PostgreSQL lets a transaction add
-- an enum value but not use it before commit, so nothing below names them.

-- AlterEnum
ALTER TYPE "transaction_type" ADD VALUE 'transfer';
ALTER TYPE "transaction_type" ADD VALUE 'loan_given';
ALTER TYPE "transaction_type" ADD VALUE 'loan_taken';
ALTER TYPE "transaction_type" ADD VALUE 'debt';
ALTER TYPE "transaction_type" ADD VALUE 'repayment';

-- CreateEnum
CREATE TYPE "transaction_source" AS ENUM ('manual', 'ai', 'receipt', 'import', 'recurring');

-- CreateEnum
CREATE TYPE "account_kind" AS ENUM ('cash', 'bank', 'card', 'mobile_money', 'savings', 'credit');

-- CreateEnum
CREATE TYPE "category_kind" AS ENUM ('expense', 'income');

-- CreateEnum
CREATE TYPE "entity_type" AS ENUM ('account', 'category', 'transaction');

-- CreateEnum
CREATE TYPE "change_op" AS ENUM ('created', 'updated', 'deleted');

-- AlterTable
ALTER TABLE "transactions"
    ADD COLUMN "direction" SMALLINT NOT NULL DEFAULT 0,
    ADD COLUMN "account_id" UUID,
    ADD COLUMN "category_id" UUID,
    ADD COLUMN "payee" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "source" "transaction_source" NOT NULL DEFAULT 'manual',
    ADD COLUMN "attachment_ref" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "to_account_id" UUID,
    ADD COLUMN "to_amount_minor" BIGINT,
    ADD COLUMN "to_currency_code" CHAR(3),
    ADD COLUMN "due_date" DATE,
    ADD COLUMN "loan_id" UUID,
    ADD COLUMN "updated_by" UUID,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "deleted_at" TIMESTAMPTZ(3),
    ADD COLUMN "deleted_by" UUID;

-- Rows written before this migration: expenses went out, income came in; last changed at creation.
UPDATE "transactions"
   SET "direction" = CASE "type"::text WHEN 'income' THEN 1 ELSE -1 END,
       "updated_by" = "created_by",
       "updated_at" = "created_at";

ALTER TABLE "transactions" ALTER COLUMN "updated_by" SET NOT NULL;

-- DropIndex (replaced by the keyset index below, which starts the same way)
DROP INDEX "transactions_team_id_occurred_at_idx";

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "account_kind" NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "currency_code" CHAR(3) NOT NULL,
    "opening_balance_minor" BIGINT NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "allow_negative" BOOLEAN NOT NULL DEFAULT true,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "categories" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "category_kind" NOT NULL,
    "parent_id" UUID,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transaction_splits" (
    "team_id" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "category_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "transaction_splits_pkey" PRIMARY KEY ("team_id","transaction_id","position")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "team_id" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "leg" SMALLINT NOT NULL,
    "account_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency_code" CHAR(3) NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("team_id","transaction_id","leg")
);

-- CreateTable
CREATE TABLE "change_log" (
    "team_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "entity_type" "entity_type" NOT NULL,
    "entity_id" UUID NOT NULL,
    "op" "change_op" NOT NULL,
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "change_log_pkey" PRIMARY KEY ("team_id","seq")
);

-- CreateTable
CREATE TABLE "team_sequences" (
    "team_id" UUID NOT NULL,
    "last_seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "team_sequences_pkey" PRIMARY KEY ("team_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "transactions_team_id_id_key" ON "transactions"("team_id", "id");

-- CreateIndex
CREATE INDEX "transactions_team_id_occurred_at_id_idx" ON "transactions"("team_id", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "transactions_team_id_amount_minor_id_idx" ON "transactions"("team_id", "amount_minor", "id");

-- CreateIndex
CREATE INDEX "transactions_team_id_account_id_idx" ON "transactions"("team_id", "account_id");

-- CreateIndex
CREATE INDEX "transactions_team_id_to_account_id_idx" ON "transactions"("team_id", "to_account_id");

-- CreateIndex
CREATE INDEX "transactions_team_id_category_id_idx" ON "transactions"("team_id", "category_id");

-- CreateIndex
CREATE INDEX "transactions_team_id_loan_id_idx" ON "transactions"("team_id", "loan_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_team_id_id_key" ON "accounts"("team_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_team_id_id_currency_code_key" ON "accounts"("team_id", "id", "currency_code");

-- CreateIndex
CREATE INDEX "accounts_team_id_created_at_idx" ON "accounts"("team_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "categories_team_id_id_key" ON "categories"("team_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "categories_team_id_id_kind_key" ON "categories"("team_id", "id", "kind");

-- CreateIndex
CREATE INDEX "categories_team_id_parent_id_idx" ON "categories"("team_id", "parent_id");

-- CreateIndex
CREATE INDEX "transaction_splits_team_id_category_id_idx" ON "transaction_splits"("team_id", "category_id");

-- CreateIndex
CREATE INDEX "ledger_entries_team_id_account_id_occurred_at_idx" ON "ledger_entries"("team_id", "account_id", "occurred_at");

-- CreateIndex
CREATE INDEX "change_log_team_id_entity_id_seq_idx" ON "change_log"("team_id", "entity_id", "seq");

-- AddForeignKey
ALTER TABLE "transaction_splits" ADD CONSTRAINT "transaction_splits_team_id_transaction_id_fkey" FOREIGN KEY ("team_id", "transaction_id") REFERENCES "transactions"("team_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transaction_splits" ADD CONSTRAINT "transaction_splits_team_id_category_id_fkey" FOREIGN KEY ("team_id", "category_id") REFERENCES "categories"("team_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_team_id_transaction_id_fkey" FOREIGN KEY ("team_id", "transaction_id") REFERENCES "transactions"("team_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_team_id_account_id_currency_code_fkey" FOREIGN KEY ("team_id", "account_id", "currency_code") REFERENCES "accounts"("team_id", "id", "currency_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Not expressible in schema.prisma: optional references that share the required team_id
-- (MATCH SIMPLE: not checked while the id is NULL), so no row can point into another team;
-- a parent category of the same kind; and the rules every row keeps, whoever writes it.
ALTER TABLE "transactions"
  ADD CONSTRAINT "transactions_account_fkey" FOREIGN KEY ("team_id", "account_id") REFERENCES "accounts"("team_id", "id") ON DELETE RESTRICT,
  ADD CONSTRAINT "transactions_to_account_fkey" FOREIGN KEY ("team_id", "to_account_id") REFERENCES "accounts"("team_id", "id") ON DELETE RESTRICT,
  ADD CONSTRAINT "transactions_category_fkey" FOREIGN KEY ("team_id", "category_id") REFERENCES "categories"("team_id", "id") ON DELETE RESTRICT,
  ADD CONSTRAINT "transactions_loan_fkey" FOREIGN KEY ("team_id", "loan_id") REFERENCES "transactions"("team_id", "id") ON DELETE RESTRICT,
  ADD CONSTRAINT "transactions_amount_positive" CHECK ("amount_minor" > 0),
  ADD CONSTRAINT "transactions_to_amount_positive" CHECK ("to_amount_minor" > 0),
  ADD CONSTRAINT "transactions_direction_known" CHECK ("direction" IN (-1, 0, 1)),
  ADD CONSTRAINT "transactions_tags_at_most_10" CHECK (cardinality("tags") <= 10),
  ADD CONSTRAINT "transactions_tags_not_null" CHECK ("tags" IS NOT NULL),
  ADD CONSTRAINT "transactions_to_amount_with_currency" CHECK (("to_amount_minor" IS NULL) = ("to_currency_code" IS NULL)),
  ADD CONSTRAINT "transactions_deleted_with_actor" CHECK (("deleted_at" IS NULL) = ("deleted_by" IS NULL));

ALTER TABLE "categories"
  ADD CONSTRAINT "categories_parent_same_kind_fkey" FOREIGN KEY ("team_id", "parent_id", "kind") REFERENCES "categories"("team_id", "id", "kind") ON DELETE RESTRICT,
  ADD CONSTRAINT "categories_not_own_parent" CHECK ("parent_id" <> "id");

ALTER TABLE "transaction_splits"
  ADD CONSTRAINT "transaction_splits_amount_positive" CHECK ("amount_minor" > 0);

ALTER TABLE "ledger_entries"
  ADD CONSTRAINT "ledger_entries_amount_not_zero" CHECK ("amount_minor" <> 0);

ALTER TABLE "change_log"
  ADD CONSTRAINT "change_log_seq_positive" CHECK ("seq" > 0);
