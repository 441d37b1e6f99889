"""F8 and F9: saying yes once the offer improves, and walking away well."""

from __future__ import annotations

from calculators.scripts.script import Script, words

CLOSE_WARMLY = Script(
    id="close-warmly",
    brief="F8",
    title="Close warmly once the offer improves",
    when=(
        "they came back with a meaningful improvement, it clears your floor (or it's the "
        "floor's one exception), and they have said it's the best they can do."
    ),
    variants=(
        (
            "Phone",
            words(
                """
                That's great, thank you for pushing for this. I'm happy to accept, so
                let me read back what I have: [$BASE] base, a [bonus target %] bonus
                target, [$EQUITY] in equity vesting [vesting schedule], a [$SIGN-ON]
                sign-on, at [level], starting [day, date], and [anything else agreed].

                Could you put all of that in writing, in the revised offer letter? I'll
                sign as soon as it arrives.
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Subject: [role title] offer: accepting

                Hi [recruiter's name],

                Thank you for going back to the team. I'm delighted to accept, on these
                terms:

                - Base salary: [$BASE]
                - Bonus target: [bonus target %] of base
                - Equity: [$EQUITY], vesting [vesting schedule]
                - Sign-on: [$SIGN-ON]
                - Level: [level]
                - Start date: [day, date]
                - Also agreed: [anything else agreed]

                Could you send the revised offer letter with all of these? I'll sign it
                as soon as it arrives. I'm looking forward to getting started.

                Best,
                [your name]
                """
            ),
        ),
    ),
)

WALK_AWAY_WELL = Script(
    id="walk-away-well",
    brief="F9",
    title="Walk away without burning the bridge",
    when="you have decided to decline.",
    variants=(
        (
            "Email",
            words(
                """
                Subject: [role title] offer: my decision

                Hi [recruiter's name],

                Thank you for the time you and the team put into this, and for going back
                to the team on the package. I really enjoyed meeting [hiring manager's name]
                and the team, and I can see why people like working there.

                After thinking it over, I've decided not to accept. The package is still
                short of what I need to make this move, and I understand it can't go
                further right now.

                I'd be glad to stay in touch, with you and with [hiring manager's name]
                especially. If things change on either side, please do reach out.

                With thanks,
                [your name]
                """
            ),
        ),
    ),
)
