ALTER TABLE `cases` ADD `fee` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `letter_details` text;--> statement-breakpoint
ALTER TABLE `officers` ADD `initials` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `logo` blob;--> statement-breakpoint
ALTER TABLE `organisation` ADD `logo_type` text;