ALTER TABLE "submissions" ADD COLUMN "request" jsonb;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "rejudge_of" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "requeues" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "submissions_rejudge_of_idx" ON "submissions" USING btree ("rejudge_of") WHERE rejudge_of is not null;