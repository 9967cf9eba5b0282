CREATE TABLE `s12_aggregations` (
	`case_id` integer NOT NULL,
	`other_case_id` integer NOT NULL,
	PRIMARY KEY(`case_id`, `other_case_id`),
	FOREIGN KEY (`case_id`) REFERENCES `s12_worksheets`(`case_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `s12_aggregations_other` ON `s12_aggregations` (`other_case_id`);--> statement-breakpoint
CREATE TABLE `s12_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`position` integer NOT NULL,
	`activity` text NOT NULL,
	`minutes` integer NOT NULL,
	`rate_pence` integer,
	`question` text,
	`description` text,
	FOREIGN KEY (`case_id`) REFERENCES `s12_worksheets`(`case_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `s12_rows_case` ON `s12_rows` (`case_id`,`position`);--> statement-breakpoint
CREATE TABLE `s12_worksheets` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`advice` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
