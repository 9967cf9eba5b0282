CREATE TABLE `sign_off_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`approver` text,
	`comment` text,
	`fingerprint` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `letter_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sign_off_steps_case` ON `sign_off_steps` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `sign_off_steps_version` ON `sign_off_steps` (`version_id`,`id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `sensitive` integer DEFAULT false NOT NULL;