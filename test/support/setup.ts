// Shared test setup. Keep it light: it runs before every test file.
process.env.TZ ??= 'UTC';
