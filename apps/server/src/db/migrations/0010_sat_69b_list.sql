CREATE TABLE "sat_69b_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"taxpayers" integer NOT NULL,
	"invalid_rows" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sat_69b_taxpayers" (
	"rfc" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"situation" text NOT NULL,
	"published_at" date,
	"import_id" uuid NOT NULL,
	CONSTRAINT "sat_69b_taxpayers_situation_check" CHECK (situation IN ('presunto', 'desvirtuado', 'definitivo', 'sentencia_favorable'))
);
