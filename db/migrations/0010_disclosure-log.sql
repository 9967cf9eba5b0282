CREATE TABLE `disclosure_choices` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`chosen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`chosen_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `disclosure_decisions` (
	`case_id` integer NOT NULL,
	`finding` text NOT NULL,
	`action` text NOT NULL,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_by` text NOT NULL,
	PRIMARY KEY(`case_id`, `finding`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
