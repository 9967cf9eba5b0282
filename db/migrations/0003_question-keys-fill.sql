-- Every question logged before stable ids gets one: 32 random hex digits, as new ones are made.
UPDATE `questions` SET `key` = lower(hex(randomblob(16))) WHERE `key` = '';
