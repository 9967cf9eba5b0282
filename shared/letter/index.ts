/** The letter built from a case: data only, no I/O. The .docx renderer is in templates/. */
export * from './doc';
export * from './clean';
export * from './placeholders';
export * from './markup';
export * from './legal';
export * from './template';
export * from './file-name';
export * from './build';
