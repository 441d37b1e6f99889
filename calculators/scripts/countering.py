"""F4 to F7: the counter, a competing offer, and the deadline."""

from __future__ import annotations

from calculators.scripts.script import Script, words

# What the first-choice lines promise: kept only when true (a caution, shown beside them).
_FIRST_CHOICE = (
    '"you\'re still my first choice" and "where I most want to be" are promises. If this '
    "isn't the company you'd pick, cut that sentence and keep the rest."
)

COUNTER_ON_THE_PHONE = Script(
    id="counter-on-the-phone",
    brief="F4",
    title="Counter on the phone",
    when="the recruiter calls to hear your answer and you are ready to counter out loud.",
    variants=(
        (
            "Phone",
            words(
                """
                Thanks again for the offer. I've gone through it carefully, and I'm
                excited about [what you liked].

                I'd like to talk about the numbers. Based on [your reason], I'm looking
                for total compensation of [$ANCHOR] a year.

                I know base may have limits, and I'm open on how we get there: base, the
                equity grant or a sign-on. Is that something you can take to the team?
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Subject: Following up on our call

                Hi [recruiter's name],

                Thanks for talking today. To put what we discussed in writing: I'm very
                keen on the role, and I'm looking for total compensation of [$ANCHOR] a
                year, based on [your reason]. I'm flexible on the mix of base, equity and
                sign-on.

                Thanks for taking this to the team. I look forward to hearing back.

                Best,
                [your name]
                """
            ),
        ),
    ),
)

COUNTER_BY_EMAIL = Script(
    id="counter-by-email",
    brief="F5",
    title="Counter by email",
    when="you would rather counter in writing, or the recruiter asks you to send your thoughts.",
    variants=(
        (
            "Email",
            words(
                """
                Subject: [your name]: thoughts on the [role title] offer

                Hi [recruiter's name],

                Thank you for the offer, and for your help through the process. Meeting
                [hiring manager's name] and the team made me even more keen on this role.

                I've looked at the full package. Given [your reason], I'm asking for
                total compensation of [$ANCHOR] a year. One way to get there:

                - Base: [$BASE]
                - Equity: [$EQUITY] over the vesting period
                - Sign-on: [$SIGN-ON]

                I'm open to other combinations that reach the same total.

                This is the role I most want. If we can get there, I'm ready to sign
                quickly.

                Best,
                [your name]
                """
            ),
        ),
        (
            "Phone",
            words(
                """
                Thanks for calling. I've been through the offer and I'm really keen.

                I'd like to send you my thoughts in writing, with the numbers laid out,
                so you have everything you need to take to the team. You'll have it by
                [end of today / tomorrow morning].
                """
            ),
        ),
    ),
    caution=(
        'say "ready to sign quickly" only if you would, and keep "This is the role I most '
        "want\" only if it is: if it isn't, cut the sentence and the rest still works."
    ),
)

OTHER_OFFER_HIGHER = Script(
    id="other-offer-higher",
    brief="F6",
    title="Use a competing offer: when the other offer is higher",
    when="you hold a real offer elsewhere.",
    variants=(
        (
            "Phone",
            words(
                """
                I want to be open with you. [other company] has offered me [$OTHER OFFER]
                a year in total compensation, and they've asked for an answer by
                [day, date].

                You're still my first choice, because [what you liked]. If you can reach
                [$ANCHOR] a year in total, I'll sign with you [this week / by day, date]
                and let them know.
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Hi [recruiter's name],

                I wanted to let you know where things stand. [other company] has made
                me an offer of [$OTHER OFFER] a year in total compensation, and they'd
                like an answer by [day, date].

                [company] is still where I most want to be, because [what you liked]. If
                you can reach [$ANCHOR] a year in total compensation, I'm ready to sign
                [this week / by day, date]. Happy to share the details of the other
                offer if that helps.

                Best,
                [your name]
                """
            ),
        ),
    ),
    caution=_FIRST_CHOICE,
)

OTHER_OFFER_LOWER = Script(
    id="other-offer-lower",
    brief="F6",
    title="Use a competing offer: when the other offer is lower, or you'd rather not say",
    when="you hold a real offer elsewhere.",
    variants=(
        (
            "Phone",
            words(
                """
                I want to be open with you: I have another offer, and they've asked for
                an answer by [day, date].

                You're still my first choice, because [what you liked]. If you can reach
                [$ANCHOR] a year in total, I'll sign with you [this week / by day, date].
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Hi [recruiter's name],

                So you know the timing: I have another offer in hand, with a deadline of
                [day, date].

                [company] is still where I most want to be, because [what you liked]. If
                you can reach [$ANCHOR] a year in total compensation, I'm ready to sign
                [this week / by day, date].

                Best,
                [your name]
                """
            ),
        ),
    ),
    caution=_FIRST_CHOICE,
)

STILL_INTERVIEWING = Script(
    id="still-interviewing",
    brief="F6",
    title="Use a competing offer: a process, not yet an offer",
    when="another company's process is in its last interviews, and there is no offer from it yet.",
    variants=(
        (
            "Phone",
            words(
                """
                My last interviews with another company are this week, and I should know
                where I stand by [day, date]. I'd much rather decide with your offer in
                front of me, so I wanted you to know the timing.
                """
            ),
        ),
    ),
)

EXTEND_AN_EXPLODING_OFFER = Script(
    id="extend-an-exploding-offer",
    brief="F7",
    title="Extend an exploding offer",
    when="the offer comes with a deadline of a day or three.",
    variants=(
        (
            "Phone",
            words(
                """
                Thank you, I'm really pleased to have this offer. A decision this size
                deserves a proper look, and I'd like to give you a considered yes rather
                than a rushed one.

                Would [day, date] work as the deadline instead? That gives me time to
                read the written details and talk it over at home.
                """
            ),
        ),
        (
            "Email",
            words(
                """
                Hi [recruiter's name],

                Thanks again for the offer. I'm taking it seriously and want to give you
                a considered answer.

                Would it be possible to have until [day, date] to reply? That gives me
                time to read the full written offer and talk it over with my family.

                Best,
                [your name]
                """
            ),
        ),
    ),
)

SPEED_UP_ANOTHER_COMPANY = Script(
    id="speed-up-another-company",
    brief="F7",
    title="Ask another company to speed up",
    when=(
        "an offer with a deadline is in hand, and you'd like to decide with another "
        "company's answer too."
    ),
    variants=(
        (
            "Phone",
            words(
                """
                I've received an offer with a deadline of [day, date]. You're the company
                I'm most interested in, so I wanted to ask: is there any way to move the
                next step up, so I can decide with both in hand?
                """
            ),
        ),
    ),
    caution=(
        "keep \"the company I'm most interested in\" only if it is; otherwise say you'd "
        "like to decide with both in hand, and stop there."
    ),
)
