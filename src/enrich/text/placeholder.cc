// Placeholder so the module library exists before its first source file; delete when adding one.
