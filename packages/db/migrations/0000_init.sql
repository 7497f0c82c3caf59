CREATE TABLE "problem_stats" (
	"problem_slug" text PRIMARY KEY NOT NULL,
	"submissions" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"problem_slug" text,
	"language" text NOT NULL,
	"mode" text NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"verdict" text,
	"time_ms" double precision,
	"memory_kb" integer,
	"tests_passed" integer,
	"tests_total" integer,
	"result" jsonb,
	"compile_output" text,
	"worker" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "submissions_mode_check" CHECK (mode in ('run', 'submit')),
	CONSTRAINT "submissions_status_check" CHECK (status in ('queued', 'running', 'completed', 'failed')),
	CONSTRAINT "submissions_verdict_check" CHECK (verdict is null or verdict in ('ACCEPTED', 'WRONG_ANSWER', 'TIME_LIMIT_EXCEEDED', 'MEMORY_LIMIT_EXCEEDED', 'RUNTIME_ERROR', 'COMPILE_ERROR', 'OUTPUT_LIMIT_EXCEEDED', 'INTERNAL_ERROR'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"username_key" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK (role in ('user', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "submissions_user_created_idx" ON "submissions" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "submissions_user_problem_created_idx" ON "submissions" USING btree ("user_id","problem_slug","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "submissions_problem_verdict_created_idx" ON "submissions" USING btree ("problem_slug","verdict","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "submissions_accepted_time_idx" ON "submissions" USING btree ("problem_slug","language","time_ms") WHERE mode = 'submit' and verdict = 'ACCEPTED';--> statement-breakpoint
CREATE INDEX "submissions_accepted_memory_idx" ON "submissions" USING btree ("problem_slug","language","memory_kb") WHERE mode = 'submit' and verdict = 'ACCEPTED';--> statement-breakpoint
CREATE INDEX "submissions_unfinished_idx" ON "submissions" USING btree ("created_at") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key_unique" ON "users" USING btree ("username_key");