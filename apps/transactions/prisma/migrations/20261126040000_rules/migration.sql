-- Auto-categorisation rules: "payee contains X -> category Y, tags Z", applied to new and
-- imported expenses and incomes (first matching rule by position wins).
CREATE TABLE "category_rules" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "payee_contains" TEXT NOT NULL,
    "category_id" UUID,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "category_rules_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "category_rules_team_id_id_key" ON "category_rules"("team_id", "id");

CREATE INDEX "category_rules_team_id_position_idx" ON "category_rules"("team_id", "position");

ALTER TABLE "category_rules"
  ADD CONSTRAINT "category_rules_category_fkey" FOREIGN KEY ("team_id", "category_id") REFERENCES "categories"("team_id", "id") ON DELETE RESTRICT,
  ADD CONSTRAINT "category_rules_tags_not_null" CHECK ("tags" IS NOT NULL),
  ADD CONSTRAINT "category_rules_tags_at_most_10" CHECK (cardinality("tags") <= 10),
  ADD CONSTRAINT "category_rules_does_something" CHECK ("category_id" IS NOT NULL OR cardinality("tags") > 0),
  ADD CONSTRAINT "category_rules_pattern_not_blank" CHECK (length(btrim("payee_contains")) > 0);
