ALTER TABLE `cases` ADD `commissioner_complaint_received` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `commissioner_decision` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `commissioner_decision_ref` text;--> statement-breakpoint
CREATE INDEX `cases_stats_received` ON `cases` (`regime`,`received`,`due_date`,`statutory_due`,`responded`,`status`,`outcome`,`officer`,`department`,`late_reason`);--> statement-breakpoint
CREATE INDEX `cases_stats_responded` ON `cases` (`regime`,`responded`,`due_date`,`received`,`status`,`outcome`,`officer`,`department`);--> statement-breakpoint
CREATE INDEX `cases_stats_due` ON `cases` (`regime`,`due_date`,`responded`,`status`,`officer`,`department`);--> statement-breakpoint
CREATE INDEX `cases_stats_commissioner` ON `cases` (`regime`,`received`,`commissioner_decision`,`officer`,`department`) WHERE commissioner_complaint_received IS NOT NULL;--> statement-breakpoint
CREATE INDEX `events_type_case` ON `case_events` (`type`,`case_id`);