ALTER TABLE "imported_problems" ADD COLUMN "statement" text;--> statement-breakpoint
ALTER TABLE "imported_problems" ADD COLUMN "time_limit_ms" integer;--> statement-breakpoint
ALTER TABLE "imported_problems" ADD COLUMN "memory_mb" integer;--> statement-breakpoint
ALTER TABLE "imported_problems" ADD COLUMN "difficulty" text DEFAULT 'medium' NOT NULL;--> statement-breakpoint
ALTER TABLE "imported_problems" ADD COLUMN "visibility" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "imported_problems" ADD CONSTRAINT "imported_problems_visibility_check" CHECK (visibility in ('draft', 'published'));--> statement-breakpoint
ALTER TABLE "imported_problems" ADD CONSTRAINT "imported_problems_difficulty_check" CHECK (difficulty in ('easy', 'medium', 'hard'));