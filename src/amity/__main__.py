import sys

from amity.cli import main

sys.exit(main())
