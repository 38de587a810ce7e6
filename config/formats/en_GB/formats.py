# "Sun 06 Dec 2026, 14:05 CET": day before month, 24-hour clock, the zone always shown.
DATETIME_FORMAT = "D d M Y, H:i T"
DATE_FORMAT = "D d M Y"
SHORT_DATETIME_FORMAT = "d M Y, H:i T"
SHORT_DATE_FORMAT = "d M Y"
TIME_FORMAT = "H:i"
