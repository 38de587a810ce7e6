"""Run the Celery command line with the clock moved to a given instant (time-machine, ticking):
how the DST fault test puts a real worker on the night the clocks change.

    python travelled_celery.py 2026-03-29T00:59:55+00:00 -A config worker --beat ...
"""

import sys
from datetime import datetime

import time_machine

if __name__ == "__main__":
    destination = datetime.fromisoformat(sys.argv[1])
    sys.argv = ["celery", *sys.argv[2:]]
    with time_machine.travel(destination, tick=True):
        from celery.__main__ import main

        main()
