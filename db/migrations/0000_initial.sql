CREATE TABLE `added_holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`jurisdictions` text
);
--> statement-breakpoint
CREATE TABLE `applied_exemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`position` integer NOT NULL,
	`provision` text NOT NULL,
	`title` text,
	`likelihood` text,
	`reason` text NOT NULL,
	`pi_conclusion` text,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exemptions_question` ON `applied_exemptions` (`question_id`,`position`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text NOT NULL,
	`case_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`field` text,
	`old_value` text,
	`new_value` text
);
--> statement-breakpoint
CREATE INDEX `audit_case` ON `audit_log` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`type` text NOT NULL,
	`date` text NOT NULL,
	`until` text,
	`months` integer,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `events_case` ON `case_events` (`case_id`,`date`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`our_ref` text,
	`regime` text NOT NULL,
	`received` text NOT NULL,
	`channel` text,
	`requester_id` integer NOT NULL,
	`subject` text NOT NULL,
	`request_text` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`responded` text,
	`officer` text,
	`signatory_name` text,
	`signatory_title` text,
	`enclosures` text,
	`due_date` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`requester_id`) REFERENCES `requesters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_unique` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_status_due` ON `cases` (`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`due_date`);--> statement-breakpoint
CREATE INDEX `cases_received` ON `cases` (`received`);--> statement-breakpoint
CREATE TABLE `letter_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`document` text NOT NULL,
	`source_hash` text,
	`edited` integer DEFAULT false NOT NULL,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `letters_case` ON `letter_versions` (`case_id`,`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `officers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`team` text,
	`address_lines` text NOT NULL,
	`telephone` text,
	`fax` text,
	`direct_line` text,
	`email` text,
	`website` text,
	`internal_review_window` text,
	`jurisdiction` text,
	`font` text,
	`updated_at` text
);
--> statement-breakpoint
CREATE TABLE `public_interest_factors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exemption_id` integer NOT NULL,
	`side` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`exemption_id`) REFERENCES `applied_exemptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `factors_exemption` ON `public_interest_factors` (`exemption_id`,`side`,`position`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`parent_id` integer,
	`position` integer NOT NULL,
	`number` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `questions_case` ON `questions` (`case_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `requesters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`address` text,
	`organisation` text,
	`category` text
);
--> statement-breakpoint
CREATE TABLE `responses` (
	`question_id` integer PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`held_statement` text,
	`see_question` text,
	`link` text,
	`text` text,
	`footnotes` text,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
