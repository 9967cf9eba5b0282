CREATE TABLE `case_anonymised` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`anonymised_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`anonymised_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
