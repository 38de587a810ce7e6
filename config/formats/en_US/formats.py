# "Sun, Dec 6, 2026, 2:05 PM EST": month before day, 12-hour clock, the zone always shown.
DATETIME_FORMAT = "D, M j, Y, g:i A T"
DATE_FORMAT = "D, M j, Y"
SHORT_DATETIME_FORMAT = "M j, Y, g:i A T"
SHORT_DATE_FORMAT = "M j, Y"
TIME_FORMAT = "g:i A"
