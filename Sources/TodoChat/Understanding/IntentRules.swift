/// The ways of asking for each intent, most specific first: the first rule that matches the
/// whole message wins. Adding a phrasing is adding a line here.
enum IntentRules {
    static let conversation: [IntentRule] = [
        IntentRule(
            "hi|hello|hey|yo|howdy|hiya|sup|greetings|morning [there|bot|buddy|friend|again|everyone]", .greeting),
        IntentRule("good morning|afternoon|evening|day [to_you]", .greeting),
        IntentRule("what is up|good|new", .greeting),
        IntentRule("how are you|things [doing|today|going]", .greeting),
        IntentRule("how is it|everything|life going", .greeting),
        IntentRule("thanks|thank_you|cheers|ta [a_lot|so_much|very_much|again|buddy|mate]", .thanks),
        IntentRule("[i] appreciate it|that", .thanks),
        IntentRule(
            "great|awesome|perfect|cool|nice|sweet|lovely|excellent|brilliant|wonderful thanks|thank_you", .thanks),
        IntentRule(
            "bye|goodbye|bye_bye|cya|ttyl|goodnight|good_night|night|later|see_you|see_ya [later|soon|tomorrow]",
            .farewell),
        IntentRule("that is all|it [for_now|for_today|thanks]", .farewell),
        IntentRule("help|commands|menu", .help),
        IntentRule("help me|please", .help),
        IntentRule("what can|do you do|help_with", .help),
        IntentRule("what can i say|ask|do", .help),
        IntentRule("how does this|it work", .help),
        IntentRule("how do i use this|you|it", .help),
        IntentRule("who|what are you", .help),
        IntentRule("what time|day|date is it [now|today]", .clock),
        IntentRule("what is the time|date [now|today]", .clock),
        IntentRule("what is today's date", .clock),
        IntentRule("tell me a joke|story", .smallTalk),
        IntentRule("lol|haha|hahaha|lmao|wow|hmm|cool|nice|great|awesome|interesting|good|neat|oops|sorry", .smallTalk),
        IntentRule(
            "i am [so|really|very|super|pretty|quite|kinda|a_bit|kind_of|feeling] bored|tired|sad|happy|stressed"
                + "|busy|overwhelmed|exhausted",
            .smallTalk),
        IntentRule("i love you|this", .smallTalk),
        IntentRule("you are awesome|great|cool|the_best|smart|funny|dumb|stupid|useless", .smallTalk),
        IntentRule("are you a robot|bot|human|person|ai", .smallTalk),
        IntentRule("what is your name", .smallTalk),
        IntentRule(
            "yes|yeah|yep|yup|sure|okay|y|ya|yea|confirm|correct|right|absolutely|definitely|affirmative"
                + " [please|do_it|go_ahead|thanks|sure]",
            .confirm),
        IntentRule(
            "do_it|go_ahead|go_for_it|please_do|sounds_good|of_course|that_is_right|that_is_fine|do_that|proceed"
                + " [please|thanks]",
            .confirm),
        IntentRule("no|nope|nah|n|cancel|abort|stop [thanks|thank_you|never_mind|please|do_not]", .deny),
        IntentRule("never_mind|nevermind|forget_it|not_now|no_thanks|leave_it|do_not|skip_it|scratch_that", .deny),
    ]

    static let reminders: [IntentRule] = [
        IntentRule("remind|ping|alert|notify|nudge me to *", .add, [.body], remindOnAdd: true),
        IntentRule("remind me that *", .add, [.body], remindOnAdd: true),
        IntentRule("set|add|create|make|schedule [a|an|another] reminder to *", .add, [.body], remindOnAdd: true),
        IntentRule("[a|an] reminder to *", .add, [.body], remindOnAdd: true),
        IntentRule("remind|ping|alert|notify|nudge me *", .remind, [.mixed]),
        IntentRule("set|add|create|make|schedule [a|an|another] reminder *", .remind, [.mixed]),
    ]

    /// Updates whose wording names the field, checked before adds and deletes so that "add the
    /// tag home to it" and "remove the due date from it" are not read as those.
    static let namedUpdates: [IntentRule] = [
        IntentRule(
            "remove|clear|delete|drop|take_off|unset [the] due_date|date|deadline|due_time from|on|of|for *",
            .update, [.reference], update: .clearDue),
        IntentRule("* has|should_have no due_date|date|deadline", .update, [.reference], update: .clearDue),
        IntentRule(
            "remove|delete|drop|take_off|clear [the] tag|tags|label * from|on *", .update, [.tags, .reference],
            update: .untag),
        IntentRule(
            "remove|delete|drop|take_off [the] * tag|tags|label from|on *", .update, [.tags, .reference],
            update: .untag),
        IntentRule("untag * from *", .update, [.tags, .reference], update: .untag),
        IntentRule("untag *", .update, [.reference], update: .untag),
        IntentRule("add [the] tag|tags|label * to|on *", .update, [.tags, .reference], update: .tag),
        IntentRule("tag|label *", .update, [.mixed], update: .tag),
        IntentRule(
            "stop|end|cancel [the] repeating|recurring|recurrence|repeat [for|of|on] *", .update, [.reference],
            update: .stopRepeating),
        IntentRule(
            "* should not|shouldn't repeat|recur [anymore|any_more]", .update, [.reference],
            update: .stopRepeating),
        IntentRule("do not|never repeat|recur *", .update, [.reference], update: .stopRepeating),
        IntentRule("make * not repeat|recur", .update, [.reference], update: .stopRepeating),
        IntentRule(
            "make * a one-off|one-time|one_time|one_off [task|thing]", .update, [.reference],
            update: .stopRepeating),
        IntentRule("rename|retitle *", .update, [.mixed], update: .rename),
        IntentRule(
            "change|update|edit|set|fix [the] name|title|wording of|for|on * to|as *", .update,
            [.reference, .value], update: .rename),
        IntentRule(
            "change|update|edit|set|move [the] due_date|date|deadline|due_time|time|day of|for|on * to *",
            .update, [.reference, .value], update: .reschedule),
        IntentRule(
            "set|change|update|make [the] priority of|for|on * to|as *", .update, [.reference, .value],
            update: .priority),
        IntentRule("prioritize|prioritise|escalate *", .update, [.reference], update: .priority, priority: .high),
        IntentRule("deprioritize|deprioritise *", .update, [.reference], update: .priority, priority: .low),
    ]

    static let adds: [IntentRule] = [
        IntentRule(
            "add|create|new|put|jot_down|note_down|write_down|log|insert|enter|save|record|capture"
                + " [a|an|another|new|one|the] [new|quick|more] task|todo|item|reminder|note|entry|thing"
                + " [to|for|called|named|titled|that_says|saying|:|-] *",
            .add, [.body]),
        IntentRule(
            "make|schedule|set_up [a|an|another] [new] task|todo|item|entry [to|for|called|named|titled|:|-] *",
            .add, [.body]),
        IntentRule("add|put|jot_down|note_down|write_down|insert|append|save|log *", .add, [.body]),
        IntentRule("add|create|new [a|an|another] [new] [task|todo|item|reminder]", .add),
        IntentRule("create [a|an] *", .add, [.body]),
        IntentRule("i [really|still|also|just] need|must|should [to] [remember_to] *", .add, [.body]),
        IntentRule("i [really|still|also|just] have|got|ought|have_got to [remember_to] *", .add, [.body]),
        IntentRule("i want|would_like|plan|intend to *", .add, [.body]),
        IntentRule("need|must [to] *", .add, [.body]),
        IntentRule("have|got to *", .add, [.body]),
        IntentRule("[i] [need_to|have_to|must] remember [to] *", .add, [.body]),
        IntentRule("do not [let_me] forget [to|about] *", .add, [.body]),
        IntentRule("never forget [to] *", .add, [.body]),
        IntentRule("note|notes to self [:|-] *", .add, [.body]),
        IntentRule("todo|task|to_do|reminder|new : *", .add, [.body]),
    ]

    static let changes: [IntentRule] = [
        IntentRule("mark * [as] not done|complete|completed|finished", .reopen, [.reference]),
        IntentRule(
            "mark|set * [as] undone|incomplete|pending|open|unfinished|todo|uncompleted|not_done", .reopen,
            [.reference]),
        IntentRule("i did not finish|complete|do *", .reopen, [.reference]),
        IntentRule("i have not done|finished|completed *", .reopen, [.reference]),
        IntentRule("reopen|uncomplete|unmark|uncheck|untick|undo|restore|unfinish *", .reopen, [.reference]),
        IntentRule(
            "mark|set|tick|check|cross|flag * [as] done|complete|completed|finished|off|ticked|checked|dealt_with",
            .complete, [.reference]),
        IntentRule("check|tick|cross off *", .complete, [.reference]),
        IntentRule("check|tick|cross * off [my|the] list|todo_list|todos|tasks", .complete, [.reference]),
        IntentRule("complete|finish|close|resolve|completed|finished|closed|resolved *", .complete, [.reference]),
        IntentRule("done|finished [with] *", .complete, [.reference]),
        IntentRule("done|finished|completed|all_done|done_it|did_it|got_it_done", .complete),
        IntentRule(
            "i [have|just|already|finally] finished|completed|did|done|bought|paid|called|sent|got *",
            .complete, [.reference]),
        IntentRule("i [am|have] done|finished with *", .complete, [.reference]),
        IntentRule(
            "delete|remove|erase|trash|scrap|scratch|get_rid_of|cancel|drop|discard|ditch|nuke|clear|kill|purge *",
            .delete, [.reference]),
        IntentRule("forget [about] *", .delete, [.reference]),
        IntentRule("take * off [my|the] [list|todo_list|todos|tasks]", .delete, [.reference]),
        IntentRule("i do not need [to] * anymore|any_more", .delete, [.reference]),
        IntentRule(
            "push|postpone|delay|move|shift|bump|defer|put_off * back|out|later [by] *", .update,
            [.reference, .value], update: .shiftLater),
        IntentRule(
            "push|postpone|delay|shift|bump|defer|put_off * by *", .update, [.reference, .value],
            update: .shiftLater),
        IntentRule(
            "move|bring|shift|pull|push|bump * forward|up|earlier [by] *", .update, [.reference, .value],
            update: .shiftEarlier),
        IntentRule(
            "move|reschedule|push|postpone|delay|shift|bump|defer|put_off * to|until|till|for|on|into *",
            .update, [.reference, .value], update: .reschedule),
        IntentRule("reschedule|postpone|push|delay|defer|put_off *", .update, [.mixed], update: .reschedule),
        IntentRule("make * due *", .update, [.reference, .value], update: .reschedule),
        IntentRule("make|set * repeat|recur *", .update, [.reference, .value], update: .repeats),
        IntentRule("repeat|recur *", .update, [.mixed], update: .repeats),
        IntentRule("change|update|edit|modify|set|switch *", .update, [.mixed], update: .change),
        IntentRule("make|mark *", .update, [.mixed], update: .assertion),
    ]

    /// Sentences about a task with the verb at the end ("the report is done"), tried after the
    /// questions so that "what is done" stays a question.
    static let statements: [IntentRule] = [
        IntentRule("* is|are not done|finished|complete|completed [yet]", .reopen, [.reference]),
        IntentRule(
            "* is|are [all|now] done|finished|complete|completed|sorted|taken_care_of", .complete,
            [.reference]),
        IntentRule("* done|finished|completed", .complete, [.reference]),
        IntentRule("* can|should be deleted|removed|cancelled|canceled", .delete, [.reference]),
        IntentRule(
            "* is|are [now|actually] due|scheduled|happening *", .update, [.reference, .value],
            update: .reschedule),
        IntentRule("* should be due|done *", .update, [.reference, .value], update: .reschedule),
        IntentRule("* should|will|must repeat|recur *", .update, [.reference, .value], update: .repeats),
        IntentRule("* repeats|recurs *", .update, [.reference, .value], update: .repeats),
        IntentRule(
            "* is|are [now|actually] [very|super|really|quite] *", .update, [.reference, .value],
            update: .assertion),
    ]

    static let lists: [IntentRule] = [
        IntentRule(
            "show|list|display|view|see|get|give|tell|pull_up|bring_up|open|read|print|fetch [me|us] *",
            .list, [.body]),
        IntentRule("check|review [on] [my|the|all] tasks|list|todos|todo_list|agenda|schedule|plate", .list),
        IntentRule(
            "check|review [on] [my|the|all] tasks|list|todos|todo_list|agenda|schedule|plate *", .list,
            [.body]),
        IntentRule("show|list|display|view|list_all|refresh", .list),
        IntentRule("what|which|whats *", .list, [.body]),
        IntentRule("do|did i have|need *", .list, [.body]),
        IntentRule("have i [got] *", .list, [.body]),
        IntentRule("is|are there *", .list, [.body]),
        IntentRule("any|anything *", .list, [.body]),
        IntentRule("how many *", .list, [.body]),
        IntentRule("how much [is] *", .list, [.body]),
        IntentRule("search|find|look_for|look_up|lookup|filter [for|by] *", .list, [.body]),
        IntentRule("where is|are *", .list, [.body]),
    ]

    /// Lists named by what they hold ("my tasks", "overdue stuff"), tried last.
    static let namedLists: [IntentRule] = [
        IntentRule(
            "my|all|all_my|pending|completed|overdue|upcoming|open|done|finished|today's|tomorrow's *", .list,
            [.body]),
        IntentRule(
            "tasks|todos|todo|list|todo_list|agenda|overdue|pending|upcoming|completed *", .list, [.body]),
        IntentRule("tasks|todos|todo|list|todo_list|agenda|schedule|overdue|pending|upcoming|completed", .list),
    ]

    /// Every rule, in the order they are tried.
    static let all: [IntentRule] =
        conversation + reminders + namedUpdates + adds + changes + lists + statements + namedLists
}
