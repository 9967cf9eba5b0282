CREATE TABLE `contributor_chases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`message_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `contributor_tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contributor_chases_task` ON `contributor_chases` (`task_id`,`id`);--> statement-breakpoint
CREATE TABLE `contributor_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`question_keys` text NOT NULL,
	`asked` text NOT NULL,
	`internal_due` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`include_requester` integer DEFAULT false NOT NULL,
	`reply` text,
	`answered` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contributor_tasks_case` ON `contributor_tasks` (`case_id`,`status`);--> statement-breakpoint
CREATE INDEX `contributor_tasks_status_case` ON `contributor_tasks` (`status`,`case_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`contact_name` text NOT NULL,
	`email` text NOT NULL,
	`escalation_name` text,
	`escalation_email` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);