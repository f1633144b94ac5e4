/// Word-level normalization: common typos, chat shorthand and contractions.
enum Vocabulary {
    /// Misspellings and shorthand, mapped to the word meant.
    static let corrections: [String: String] = [
        "tomorow": "tomorrow", "tommorow": "tomorrow", "tommorrow": "tomorrow", "tomorrw": "tomorrow",
        "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "tmro": "tomorrow", "2morrow": "tomorrow",
        "2moro": "tomorrow", "tomoro": "tomorrow", "tomorro": "tomorrow", "tonite": "tonight", "2nite": "tonight",
        "tdy": "today", "todya": "today", "wensday": "wednesday", "wedensday": "wednesday",
        "wednsday": "wednesday", "wednesay": "wednesday", "thrusday": "thursday", "thursay": "thursday",
        "tuseday": "tuesday", "tuesdy": "tuesday", "firday": "friday", "fridy": "friday", "saturady": "saturday",
        "sundy": "sunday", "mondy": "monday", "remeber": "remember", "remmber": "remember", "rember": "remember",
        "remembr": "remember", "remnd": "remind", "rmind": "remind", "reminde": "remind", "remidn": "remind",
        "delet": "delete", "delte": "delete", "dlete": "delete", "deleet": "delete", "remvoe": "remove",
        "rmove": "remove", "remov": "remove", "compelte": "complete", "complet": "complete", "cmplete": "complete",
        "comlete": "complete", "completd": "completed", "compelted": "completed", "finsh": "finish",
        "finsihed": "finished", "finihsed": "finished", "shwo": "show", "sho": "show", "lsit": "list",
        "taks": "task", "tsk": "task", "tasl": "task", "tsaks": "tasks", "taks's": "tasks", "tasks's": "tasks",
        "todos": "todos", "pirority": "priority", "priorty": "priority", "prioirty": "priority", "prority": "priority",
        "priortiy": "priority", "urgnet": "urgent", "importnat": "important", "meetign": "meeting",
        "meting": "meeting", "groceris": "groceries", "grocieries": "groceries", "apointment": "appointment",
        "appointmnet": "appointment", "nxt": "next", "thx": "thanks", "thanx": "thanks", "thnx": "thanks",
        "ty": "thanks", "pls": "please", "plz": "please", "pleas": "please", "plse": "please", "b4": "before",
        "w/": "with", "u": "you", "ur": "your", "r": "are", "abt": "about", "mins": "minutes", "min": "minutes",
        "hrs": "hours", "hr": "hour", "sec": "second", "mon.": "mon", "&": "and", "+": "and", "ok": "okay",
        "k": "okay", "kk": "okay", "a.m.": "am", "p.m.": "pm", "a.m": "am", "p.m": "pm", "oclock": "o'clock",
        "eveyr": "every", "evrey": "every", "evry": "every", "evey": "every", "weekley": "weekly",
        "montly": "monthly", "dayly": "daily", "dialy": "daily", "yeserday": "yesterday", "agian": "again",
        "wat": "what", "wht": "what", "waht": "what", "hwat": "what", "pendng": "pending", "overdeu": "overdue",
        "ovedue": "overdue", "duee": "due", "reschdule": "reschedule", "reschedual": "reschedule", "chnage": "change",
        "chang": "change", "udpate": "update", "updte": "update", "renmae": "rename", "mrak": "mark", "makr": "mark",
        "dont": "don't", "cant": "can't", "wont": "won't", "im": "i'm", "ive": "i've", "whats": "what's",
        "thats": "that's", "theres": "there's", "didnt": "didn't", "isnt": "isn't", "hows": "how's", "lets": "let's",
    ]

    /// Contractions and shorthand that stand for several words.
    static let expansions: [String: [String]] = [
        "what's": ["what", "is"], "whats's": ["what", "is"], "i'm": ["i", "am"], "don't": ["do", "not"],
        "doesn't": ["does", "not"], "didn't": ["did", "not"], "can't": ["can", "not"], "won't": ["will", "not"],
        "isn't": ["is", "not"], "aren't": ["are", "not"], "haven't": ["have", "not"], "wanna": ["want", "to"],
        "gonna": ["going", "to"], "gotta": ["got", "to"], "lemme": ["let", "me"], "gimme": ["give", "me"],
        "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"], "i've": ["i", "have"],
        "i'll": ["i", "will"], "i'd": ["i", "would"], "let's": ["let", "us"], "how's": ["how", "is"],
        "what're": ["what", "are"], "where's": ["where", "is"], "you're": ["you", "are"], "who's": ["who", "is"],
        "todo's": ["todos"], "to-do": ["todo"], "to-dos": ["todos"], "to-do's": ["todos"],
    ]

    /// The normalized word or words for one lowercased token.
    static func normalize(_ word: String) -> [String] {
        let corrected = corrections[word] ?? word
        if let expanded = expansions[corrected] { return expanded }
        return [corrected]
    }
}
