"""What boards are judged on: the decisions they took, what they published when, and whether
the papers went out on time (working days live with `authoring.status`)."""
