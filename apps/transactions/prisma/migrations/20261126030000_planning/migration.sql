-- CreateEnum
CREATE TYPE "budget_period" AS ENUM ('month', 'year');

-- CreateEnum
CREATE TYPE "goal_kind" AS ENUM ('savings', 'payoff');

-- CreateEnum
CREATE TYPE "recurrence_frequency" AS ENUM ('daily', 'weekly', 'monthly', 'yearly');

-- CreateEnum
CREATE TYPE "recurring_entry_type" AS ENUM ('expense', 'income');

-- CreateTable
CREATE TABLE "budgets" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "category_id" UUID,
    "period" "budget_period" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency_code" CHAR(3) NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_alerts" (
    "team_id" UUID NOT NULL,
    "budget_id" UUID NOT NULL,
    "period_start" DATE NOT NULL,
    "threshold" INTEGER NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "spent_minor" BIGINT NOT NULL,
    "currency_code" CHAR(3) NOT NULL,
    "event_id" UUID NOT NULL,
    "crossed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_alerts_pkey" PRIMARY KEY ("team_id","budget_id","period_start","threshold")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "kind" "goal_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "target_amount_minor" BIGINT NOT NULL,
    "currency_code" CHAR(3) NOT NULL,
    "start_date" DATE NOT NULL,
    "target_date" DATE NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal_contributions" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "goal_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency_code" CHAR(3) NOT NULL,
    "contributed_on" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "goal_contributions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recurring_rules" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "frequency" "recurrence_frequency" NOT NULL,
    "weekday" INTEGER,
    "day_of_month" INTEGER,
    "month" INTEGER,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "max_occurrences" INTEGER,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "entry_type" "recurring_entry_type" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency_code" CHAR(3) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "account_id" UUID,
    "category_id" UUID,
    "next_index" INTEGER NOT NULL DEFAULT 0,
    "next_occurrence_date" DATE,
    "next_due_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "recurring_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recurring_occurrences" (
    "team_id" UUID NOT NULL,
    "rule_id" UUID NOT NULL,
    "occurrence_date" DATE NOT NULL,
    "occurrence_index" INTEGER NOT NULL,
    "transaction_id" UUID NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recurring_occurrences_pkey" PRIMARY KEY ("team_id","rule_id","occurrence_date")
);

-- CreateIndex
CREATE INDEX "budgets_team_id_currency_code_idx" ON "budgets"("team_id", "currency_code");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_team_id_id_key" ON "budgets"("team_id", "id");

-- CreateIndex
CREATE INDEX "goals_team_id_created_at_idx" ON "goals"("team_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "goals_team_id_id_key" ON "goals"("team_id", "id");

-- CreateIndex
CREATE INDEX "goal_contributions_team_id_goal_id_contributed_on_idx" ON "goal_contributions"("team_id", "goal_id", "contributed_on");

-- CreateIndex
CREATE INDEX "recurring_rules_team_id_next_due_at_idx" ON "recurring_rules"("team_id", "next_due_at");

-- CreateIndex
CREATE UNIQUE INDEX "recurring_rules_team_id_id_key" ON "recurring_rules"("team_id", "id");

-- AddForeignKey
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_team_id_budget_id_fkey" FOREIGN KEY ("team_id", "budget_id") REFERENCES "budgets"("team_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_contributions" ADD CONSTRAINT "goal_contributions_team_id_goal_id_fkey" FOREIGN KEY ("team_id", "goal_id") REFERENCES "goals"("team_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recurring_occurrences" ADD CONSTRAINT "recurring_occurrences_team_id_rule_id_fkey" FOREIGN KEY ("team_id", "rule_id") REFERENCES "recurring_rules"("team_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Not expressible in schema.prisma: the rules every row must keep, whoever writes it.
ALTER TABLE "budgets"
  ADD CONSTRAINT "budgets_amount_positive" CHECK ("amount_minor" > 0);

ALTER TABLE "budget_alerts"
  ADD CONSTRAINT "budget_alerts_threshold_known" CHECK ("threshold" IN (80, 100));

ALTER TABLE "goals"
  ADD CONSTRAINT "goals_target_positive" CHECK ("target_amount_minor" > 0);

ALTER TABLE "goal_contributions"
  ADD CONSTRAINT "goal_contributions_amount_not_zero" CHECK ("amount_minor" <> 0);

ALTER TABLE "recurring_rules"
  ADD CONSTRAINT "recurring_rules_amount_positive" CHECK ("amount_minor" > 0),
  ADD CONSTRAINT "recurring_rules_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7),
  ADD CONSTRAINT "recurring_rules_day_of_month_range" CHECK ("day_of_month" BETWEEN 1 AND 31),
  ADD CONSTRAINT "recurring_rules_month_range" CHECK ("month" BETWEEN 1 AND 12),
  ADD CONSTRAINT "recurring_rules_max_occurrences_positive" CHECK ("max_occurrences" > 0),
  ADD CONSTRAINT "recurring_rules_next_index_not_negative" CHECK ("next_index" >= 0);
