CREATE TABLE "imported_problems" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"latest_version" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_versions" (
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"title" text NOT NULL,
	"metadata" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_versions_slug_version_pk" PRIMARY KEY("slug","version")
);
--> statement-breakpoint
ALTER TABLE "problem_versions" ADD CONSTRAINT "problem_versions_slug_imported_problems_slug_fk" FOREIGN KEY ("slug") REFERENCES "imported_problems"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_versions" ADD CONSTRAINT "problem_versions_sha256_package_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "package_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_versions_sha256_idx" ON "problem_versions" USING btree ("sha256");