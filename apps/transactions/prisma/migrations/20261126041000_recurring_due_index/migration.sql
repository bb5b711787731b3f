-- The recurring scheduler's scan across all teams (claimNextDue: the active rule whose
-- next occurrence is longest due) reads only this small partial index, not every rule.
-- Partial indexes are not expressible in schema.prisma; this one lives here only.
CREATE INDEX "recurring_rules_due_idx" ON "recurring_rules"("next_due_at", "id") WHERE "deleted_at" IS NULL AND "next_due_at" IS NOT NULL;
