// What the caller programs share. Include after the generated proxy header (soap_new_std__string is generated).
#ifndef TOOLKIT_GSOAP_CALLER_H
#define TOOLKIT_GSOAP_CALLER_H

#include <cstdio>
#include <iostream>
#include <string>

// Optional members of the generated classes are pointers into the context's memory (freed with it):
// text() and value() place a value there.
inline std::string *text(struct soap *ctx, const char *value) {
    std::string *stored = soap_new_std__string(ctx);
    *stored = value;
    return stored;
}

template <class T> T *value(struct soap *ctx, T plain) {
    T *stored = static_cast<T *>(soap_malloc(ctx, sizeof(T)));
    *stored = plain;
    return stored;
}

// What the callers print for the test: values as JSON (a missing optional member is null).
inline std::string json(const std::string &text) {
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            snprintf(escaped, sizeof escaped, "\\u%04x", c);
            quoted += escaped;
        } else {
            quoted += c;
        }
    }
    return quoted + "\"";
}

inline std::string json(const char *text) {
    return text ? json(std::string(text)) : "null";
}

inline std::string json(const std::string *text) {
    return text ? json(*text) : "null";
}

template <class T> std::string json(const T *number) {
    return number ? std::to_string(*number) : "null";
}

// Points the proxy at argv[1], the endpoint, when the command line holds the wanted arguments; if not,
// says which on stderr.
template <class Proxy> bool pointed(Proxy &proxy, int argc, char **argv, int wanted, const char *usage) {
    if (argc != wanted + 1) {
        std::cerr << "usage: " << usage << "\n";
        return false;
    }
    proxy.soap_endpoint = argv[1];
    return true;
}

// Whether a call answered; if not, its fault (or transport error) goes to stderr.
template <class Proxy> bool answered(Proxy &proxy, int status) {
    if (status == SOAP_OK) {
        return true;
    }
    proxy.soap_stream_fault(std::cerr);
    return false;
}

#endif
