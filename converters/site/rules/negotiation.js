// Content negotiation for the senate-ld site under nginx (njs): the choice that
// `senate-ld serve` makes (converters/site/negotiation.py), so that a resource IRI
// answers the same on either server. The media type is the one Accept gives the
// highest quality (the quality of the most specific range that matches it; no Accept
// header accepts anything), the server's order breaking ties; a page's language is
// the best match of Accept-Language (a listed language first, then primary subtags),
// English when none matches. "406" when nothing offered is acceptable.

var VARIANTS = [
    ["index.html", "text/html", "en"],
    ["index.fr.html", "text/html", "fr"],
    ["index.nl.html", "text/html", "nl"],
    ["index.ttl", "text/turtle", null],
    ["index.jsonld", "application/ld+json", null],
    ["index.nt", "application/n-triples", null]
];
var DATA_TYPES = ["text/turtle", "application/ld+json", "application/n-triples"];

function parse(header, specificity) {
    var items = [];
    (header || "").split(",").forEach(function (part, position) {
        var fields = part.split(";");
        var value = fields[0].trim().toLowerCase();
        if (!value) {
            return;
        }
        var quality = 1;
        fields.slice(1).forEach(function (field) {
            var pair = field.split("=");
            if (pair[0].trim().toLowerCase() === "q") {
                var number = parseFloat(pair[1]);
                quality = isNaN(number) ? 0 : Math.min(Math.max(number, 0), 1);
            }
        });
        items.push({value: value, quality: quality, specificity: specificity(value), position: position});
    });
    items.sort(function (a, b) {
        return (b.specificity - a.specificity) || (b.quality - a.quality) || (a.position - b.position);
    });
    return items;
}

function mediaSpecificity(value) {
    var halves = value.split("/");
    return (halves[0] !== "*" ? 2 : 0) + (halves[1] !== "*" ? 1 : 0);
}

function mediaQuality(ranges, type) {
    var halves = type.split("/");
    for (var i = 0; i < ranges.length; i++) {
        var range = ranges[i].value.split("/");
        if ((range[0] === "*" || range[0] === halves[0]) && (range[1] === "*" || range[1] === halves[1])) {
            return ranges[i].quality;
        }
    }
    return 0;
}

function bestMatch(items, offers, matches) {
    var best = -1, bestSpecificity = -1, result = null;
    offers.forEach(function (offer) {
        items.forEach(function (item) {
            if (item.quality <= 0 || item.quality < best) {
                return;
            }
            if ((item.quality > best || item.specificity > bestSpecificity) && matches(offer, item.value)) {
                best = item.quality;
                bestSpecificity = item.specificity;
                result = offer;
            }
        });
    });
    return result;
}

function primary(tag) {
    return tag.split(/[-_]/)[0];
}

function language(header, offered) {
    var byQuality = parse(header, function (value) { return value === "*" ? 0 : 1; });
    var exact = function (offer, value) { return value === "*" || value === offer; };
    var found = bestMatch(byQuality, offered, exact);
    if (found === null) {
        var primaries = byQuality.map(function (item) {
            return {value: primary(item.value), quality: item.quality, specificity: item.specificity};
        });
        found = bestMatch(primaries, offered, exact);
    }
    return found === null ? offered[0] : found;
}

function variant(r) {
    var folder = r.variables.request_filename.replace(/\/?$/, "/");
    var fs = require("fs");
    var offered = VARIANTS.filter(function (v) {
        try {
            fs.accessSync(folder + v[0]);
            return true;
        } catch (e) {
            return false;
        }
    });
    if (offered.length === 0) {
        return "";
    }
    var ranges = parse(r.headersIn["Accept"] || "*/*", mediaSpecificity);
    var types = [];
    offered.forEach(function (v) {
        if (types.indexOf(v[1]) < 0) {
            types.push(v[1]);
        }
    });
    var wanted = null, best = 0;
    types.forEach(function (type) {
        var quality = mediaQuality(ranges, type);
        if (quality > best) {
            best = quality;
            wanted = type;
        }
    });
    if (wanted === null) {
        return "406";
    }
    if (DATA_TYPES.indexOf(wanted) >= 0) {
        return offered.filter(function (v) { return v[1] === wanted; })[0][0];
    }
    if (!/\/$/.test(r.uri)) {
        return "301";  // a page's relative links need its folder's trailing slash
    }
    var pages = offered.filter(function (v) { return v[1] === "text/html"; });
    var chosen = language(r.headersIn["Accept-Language"], pages.map(function (v) { return v[2]; }));
    return pages.filter(function (v) { return v[2] === chosen; })[0][0];
}

export default {variant};
