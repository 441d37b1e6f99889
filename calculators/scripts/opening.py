"""F1 to F3: before the offer, and asking for time once it comes."""

from __future__ import annotations

from calculators.scripts.script import Script, words

DEFLECT_EXPECTATIONS = Script(
    id="deflect-expectations",
    brief="F1",
    title='Deflect "what are you expecting?"',
    when="an early call or an application asks for your number before there is an offer.",
    variants=(
        (
            "Phone",
            words(
                """
                I'd like to understand the role a bit better before I put a number on it:
                the level, the scope and how the package is split all make a difference.

                You'll have a budgeted range for this position. Could you share it?
                Then we'll both know quickly whether we're in the same area.
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Thanks for asking. Before I name a figure, I'd like to hear a bit more
                about the level and the scope of the role, since both change what a
                fair package looks like.

                Could you share the budgeted range for this position? If it's in the right
                area for both of us, I'm glad to keep going.
                """
            ),
        ),
    ),
)

GIVE_A_RANGE = Script(
    id="give-a-range",
    brief="F2",
    title="Give a range when pressed",
    when="they won't go on without a number.",
    variants=(
        (
            "Phone",
            words(
                """
                Sure. Based on what I'm seeing for [level] roles in [city], from
                compensation-sharing sites and people I know at similar companies, I'm
                looking at [$TARGET] to [$ANCHOR] in total compensation.

                Where I land in that range depends on the level and how it splits between
                base, bonus and equity.
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Happy to give you a sense of it. For [level] roles in [city], the data I've
                seen (compensation-sharing sites and conversations with people at similar
                companies) puts total compensation at [$TARGET] to [$ANCHOR].

                That's the range I'm working with; where I'd land in it depends on the
                level and how the package is split between base, bonus and equity.
                """
            ),
        ),
    ),
)

ASK_FOR_TIME = Script(
    id="ask-for-time",
    brief="F3",
    title="Ask for time after the offer",
    when="the offer has just been made and you are tempted to say yes.",
    variants=(
        (
            "Phone",
            words(
                """
                Thank you, that's great news, and I'm really excited about the team.

                I'd like to look at the whole package properly before I answer. Could you
                send it over in writing: base, bonus target, the equity and its vesting
                schedule, any sign-on, and the level?

                I'll come back to you by [day, date].
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Subject: [role title] offer: thank you

                Hi [recruiter's name],

                Thank you for the offer, and for everything you've done to get it here.
                I'm excited about [what you liked].

                So I can give it the attention it deserves, could you send me the full
                details in writing: base salary, bonus target, the equity grant and its
                vesting schedule, any sign-on bonus, and the level? I'll come back to you
                by [day, date].

                Best,
                [your name]
                """
            ),
        ),
    ),
)

NO_WRITTEN_OFFER = Script(
    id="no-written-offer",
    brief="F3",
    title="When the deadline comes before the written offer",
    when=(
        "you were told the numbers on a call, the written offer still hasn't arrived, and "
        "the day they wanted an answer is here."
    ),
    variants=(
        (
            "Email",
            words(
                """
                Subject: [role title] offer: the written details

                Hi [recruiter's name],

                I'm keen on this role and want to give you a clear answer. I haven't yet
                received the offer in writing, and I'd like to read all of it (the
                equity and how it vests, the level, and anything the offer depends on)
                before I reply.

                Could you send it over, and give me until [day, date] to reply, two
                working days after it arrives? You'll have my answer by then.

                Best,
                [your name]
                """
            ),
        ),
    ),
)
