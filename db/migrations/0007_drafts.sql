CREATE TABLE `drafts` (
	`key` text PRIMARY KEY NOT NULL,
	`case_id` integer,
	`label` text NOT NULL,
	`content` text NOT NULL,
	`saved_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
