"""The only place Markdown (and later iCalendar) is produced. Every export takes an Audience."""
