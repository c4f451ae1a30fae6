from cspctl.cli import main

raise SystemExit(main())
